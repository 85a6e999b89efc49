// Beside each chosen column, its value in the file's first row, so the admin sees at once whether the column
// is the right one. The values come from the page itself (a JSON data block), nothing is fetched.
(function () {
  "use strict";
  var data = document.getElementById("import-examples");
  if (!data) {
    return;
  }
  var examples = JSON.parse(data.textContent);
  var form = document.querySelector(".import-mapping");
  var prefix = form ? form.dataset.examplePrefix : "";
  document.querySelectorAll("select[data-example]").forEach(function (select) {
    select.addEventListener("change", function () {
      var target = document.getElementById(select.dataset.example);
      if (!target) {
        return;
      }
      var value = select.value ? examples[select.value] : null;
      target.textContent = select.value ? prefix + (value || "—") : "";
    });
  });
})();
