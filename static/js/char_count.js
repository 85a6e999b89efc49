// A counter under a text field with a limit (data-char-max, set by contacts.forms.count_characters), shown from
// data-char-from characters on. The field has no `maxlength`, which would cut what is typed or pasted without a
// word; the server refuses a text that is too long with a message, and this says so while typing. It counts like
// the server: characters, not UTF-16 units, and a line break as the two characters a browser sends.
(function () {
  function format(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (match, name) {
      return name in values ? values[name] : match;
    });
  }

  function describe(field, id, on) {
    var ids = (field.getAttribute("aria-describedby") || "").split(" ").filter(function (value) {
      return value && value !== id;
    });
    if (on) ids.push(id);
    if (ids.length) field.setAttribute("aria-describedby", ids.join(" "));
    else field.removeAttribute("aria-describedby");
  }

  document.querySelectorAll("[data-char-max]").forEach(function (field) {
    var max = parseInt(field.dataset.charMax, 10);
    var from = parseInt(field.dataset.charFrom || "0", 10);
    var counter = document.createElement("div");
    counter.id = field.id + "-count";
    counter.className = "form-text char-count";
    // Screen readers hear the count with the field, and once when the text becomes too long.
    var alert = document.createElement("div");
    alert.className = "visually-hidden";
    alert.setAttribute("aria-live", "polite");
    var next = field.nextElementSibling;
    var anchor = next && next.classList.contains("invalid-feedback") ? next : field;
    anchor.insertAdjacentElement("afterend", counter);
    counter.insertAdjacentElement("afterend", alert);
    var wasOver = false;

    function update() {
      var length = Array.from(field.value.replace(/\r?\n/g, "\r\n")).length;
      var over = length > max;
      counter.textContent = over
        ? format(field.dataset.charOver, { count: length - max })
        : format(field.dataset.charLeft, { count: length, max: max });
      counter.hidden = length < from;
      counter.classList.toggle("text-danger", over);
      counter.classList.toggle("fw-semibold", over);
      describe(field, counter.id, !counter.hidden);
      if (over !== wasOver) alert.textContent = over ? counter.textContent : "";
      wasOver = over;
    }

    field.addEventListener("input", update);
    update();
  });
})();
