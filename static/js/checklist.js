// The success-factor checklist (templates/contacts/_checklist.html): items meant for a worried or tense parent
// show only when that tone is chosen, ticked items always stay visible (nothing ticked is ever hidden), and each
// theme's summary counts the ticked items of the items shown. A theme with nothing to show is hidden. Unticking an
// item does not hide it at once (it would jump away under the finger): only choosing a tone again does.
(function () {
  function format(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (match, name) {
      return name in values ? values[name] : match;
    });
  }

  function showForTone(form) {
    var tone = form.querySelector('input[name="tone"]:checked');
    form.querySelectorAll("[data-tones]").forEach(function (item) {
      var box = item.querySelector("input");
      var match = tone && item.dataset.tones.split(" ").indexOf(tone.value) !== -1;
      item.hidden = !(match || (box && box.checked));
    });
  }

  function count(form) {
    form.querySelectorAll(".checklist").forEach(function (checklist) {
      var text = checklist.dataset.countText;
      checklist.querySelectorAll(".checklist-theme").forEach(function (theme) {
        var shown = Array.prototype.filter.call(theme.querySelectorAll(".form-check"), function (item) {
          return !item.hidden;
        });
        var ticked = shown.filter(function (item) {
          return item.querySelector("input").checked;
        });
        theme.hidden = shown.length === 0;
        var badge = theme.querySelector(".checklist-theme-count");
        if (badge && text) badge.textContent = format(text, { ticked: ticked.length, total: shown.length });
      });
    });
  }

  document.querySelectorAll("form").forEach(function (form) {
    if (!form.querySelector(".checklist")) return;
    form.addEventListener("change", function (event) {
      if (event.target.name === "tone") showForTone(form);
      if (event.target.name === "tone" || event.target.name === "items") count(form);
    });
    showForTone(form);
    count(form);
  });
})();
