// Slot forms: « Tous » ticks or unticks the seven days (and follows them); « Ajouter une plage horaire »
// adds a row of two time fields. No inline scripts (CSP).
document.querySelectorAll("[data-weekdays]").forEach((fieldset) => {
  const all = fieldset.querySelector("[data-all-days]");
  const days = [...fieldset.querySelectorAll("input[type=checkbox]:not([data-all-days])")];
  all.addEventListener("change", () => days.forEach((d) => (d.checked = all.checked)));
  days.forEach((d) => d.addEventListener("change", () => (all.checked = days.every((x) => x.checked))));
});

document.querySelectorAll("[data-add-range]").forEach((button) => {
  button.addEventListener("click", () => {
    const list = document.getElementById(button.getAttribute("data-add-range"));
    const rows = list.querySelectorAll("[data-range-row]");
    const index = rows.length;
    const copy = rows[rows.length - 1].cloneNode(true);
    copy.querySelectorAll("input").forEach((input) => {
      input.name = input.name.replace(/\[\d+\]/, `[${index}]`);
      input.id = input.id.replace(/-\d+-/, `-${index}-`);
      input.value = "";
    });
    copy.querySelectorAll("label").forEach((label) => {
      label.htmlFor = label.htmlFor.replace(/-\d+-/, `-${index}-`);
      label.textContent = label.textContent.replace(/\d+/, index + 1);
    });
    list.appendChild(copy);
    copy.querySelector("input").focus();
  });
});
