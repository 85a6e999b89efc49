// Several follow-ups in one contact form (templates/contacts/contact_form.html). Without JavaScript the page shows
// a few empty rows; here the empty rows at the end fold into one, and "add another follow-up" copies the
// formset's empty form up to its maximum. Rows are only ever added or removed at the end, so the numbers in the
// field names stay consecutive, as Django's formset expects.
(function () {
  document.querySelectorAll("[data-follow-ups]").forEach(function (section) {
    var prefix = section.dataset.followUps;
    var total = section.querySelector("#id_" + prefix + "-TOTAL_FORMS");
    var max = parseInt(section.querySelector("#id_" + prefix + "-MAX_NUM_FORMS").value, 10);
    var list = section.querySelector("[data-follow-up-list]");
    var template = section.querySelector("template");
    var add = section.querySelector("[data-add-follow-up]");
    var hint = section.querySelector("[data-follow-up-hint]");
    if (!total || !list || !template || !add) return;

    function rows() {
      return list.querySelectorAll(".follow-up");
    }

    function refresh() {
      total.value = rows().length;
      add.hidden = rows().length >= max;
    }

    // Keep one empty row at the end, not several.
    var all = rows();
    for (var i = all.length - 1; i > 0 && all[i].dataset.blank === "true" && all[i - 1].dataset.blank === "true"; i--) {
      all[i].remove();
    }

    add.addEventListener("click", function () {
      var index = rows().length;
      if (index >= max) return;
      var html = template.innerHTML.replace(/__prefix__/g, String(index)).replace(/__number__/g, String(index + 1));
      list.insertAdjacentHTML("beforeend", html);
      refresh();
      var row = rows()[index];
      // Lets static/js/show_when.js fold the new row's referral fields too.
      row.dispatchEvent(new Event("change", { bubbles: true }));
      var first = row.querySelector("input, select, textarea");
      if (first) first.focus();
    });

    if (hint) hint.hidden = true;
    refresh();
  });
})();
