// The staff form shows the groups for pedagogical staff and the locations for coordinators; an admin sees the
// whole organisation and needs neither. Without this script both are shown, each with its help text.
(function () {
  "use strict";
  var role = document.querySelector("[data-role-choice]");
  if (!role) {
    return;
  }
  var groups = document.getElementById("div_id_groups");
  var locations = document.getElementById("div_id_locations");
  function show() {
    if (groups) {
      groups.hidden = role.value !== "staff";
    }
    if (locations) {
      locations.hidden = role.value !== "coordinator";
    }
  }
  role.addEventListener("change", show);
  show();
})();
