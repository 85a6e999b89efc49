// Fields that matter only after another choice stay out of the way until then: the summary for the parents once
// the contact is shared, the other destination once "other" is chosen. `data-show-when="name=value"` on a field
// (set in contacts/forms.py) names the other field, within the same formset row, and the value ("name=" alone:
// any choice). A field that holds text or is marked invalid always shows; without JavaScript every field shows.
(function () {
  function chosen(form, name) {
    var controls = form.querySelectorAll('[name="' + name + '"]');
    for (var i = 0; i < controls.length; i++) {
      var control = controls[i];
      if (control.type === "radio" || control.type === "checkbox") {
        if (control.checked) return control.value;
      } else {
        return control.value;
      }
    }
    return "";
  }

  function update() {
    document.querySelectorAll("[data-show-when]").forEach(function (field) {
      var rule = field.dataset.showWhen.split("=");
      var prefix = field.name.slice(0, field.name.lastIndexOf("-") + 1);
      var value = chosen(field.form, prefix + rule[0]);
      var wanted = rule[1] ? value === rule[1] : value !== "";
      var filled = field.type === "checkbox" ? field.checked : field.value.trim() !== "";
      var wrapper = document.getElementById("div_" + field.id) || field;
      wrapper.hidden = !(wanted || filled || field.classList.contains("is-invalid"));
    });
  }

  document.addEventListener("change", update);
  update();
})();
