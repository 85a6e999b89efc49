// Shows the checklist items meant for a worried or tense parent only when that tone is chosen.
// Ticked items always stay visible, so nothing the professional ticked is hidden.
(function () {
  function update(form) {
    var tone = form.querySelector('input[name="tone"]:checked');
    form.querySelectorAll("[data-tones]").forEach(function (item) {
      var box = item.querySelector("input");
      var match = tone && item.dataset.tones.split(" ").indexOf(tone.value) !== -1;
      item.hidden = !(match || (box && box.checked));
    });
  }
  document.querySelectorAll("form").forEach(function (form) {
    if (!form.querySelector("[data-tones]")) return;
    form.querySelectorAll('input[name="tone"]').forEach(function (radio) {
      radio.addEventListener("change", function () { update(form); });
    });
    update(form);
  });
})();
