// Confirmation for destructive buttons: <button data-confirm="Question ?">. No inline scripts (CSP).
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-confirm]");
  if (button && !window.confirm(button.getAttribute("data-confirm"))) {
    event.preventDefault();
  }
});

// Print buttons: <button type="button" data-print>Imprimer</button> (lists, statistics).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});

// Forms as a family worker meets them (issue 11): required fields marked « * (obligatoire) », mistakes
// explained in French under the field (not the browser's bubble), the cursor in the first field.
(() => {
  const fields = "input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=submit]):not([readonly]):not([disabled]), select:not([disabled]), textarea:not([disabled])";

  const labelOf = (field) => field.id ? document.querySelector(`label[for="${CSS.escape(field.id)}"]`) : field.closest("label");

  const labelText = (field) => {
    const label = labelOf(field);
    if (!label) return "ce champ";
    const copy = label.cloneNode(true);
    copy.querySelectorAll(".required-mark, .visually-hidden").forEach((e) => e.remove());
    return copy.textContent.trim() || "ce champ";
  };

  const frenchDate = (iso) => iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split("-").reverse().join("/") : iso;

  const message = (field) => {
    const v = field.validity;
    const name = labelText(field);
    if (v.valueMissing) return field.type === "date" ? `Indiquez « ${name} » (jj/mm/aaaa) : ce champ est obligatoire.` : `Remplissez « ${name} » : ce champ est obligatoire.`;
    if (v.badInput) return field.type === "date" ? `« ${name} » : la date est incomplète (jj/mm/aaaa).` : `« ${name} » : la valeur n'est pas valide.`;
    if (v.typeMismatch && field.type === "email") return `« ${name} » : saisissez une adresse e-mail complète, par exemple nom@exemple.fr.`;
    if (v.rangeOverflow) return field.type === "date" ? `« ${name} » : la date ne peut pas être après le ${frenchDate(field.max)}.` : `« ${name} » : ${field.max} au plus.`;
    if (v.rangeUnderflow) return field.type === "date" ? `« ${name} » : la date ne peut pas être avant le ${frenchDate(field.min)}.` : `« ${name} » : ${field.min} au moins.`;
    if (v.tooShort) return `« ${name} » : au moins ${field.minLength} caractères.`;
    if (v.tooLong) return `« ${name} » : ${field.maxLength} caractères au plus.`;
    return `« ${name} » : la valeur n'est pas valide.`;
  };

  const feedbackOf = (field) => {
    const id = (field.id || field.name) + "-erreur";
    let feedback = document.getElementById(id);
    if (!feedback) {
      feedback = document.createElement("div");
      feedback.id = id;
      feedback.className = "invalid-feedback d-block";
      feedback.setAttribute("data-testid", "field-error");
      const group = field.closest(".input-group") || field;
      group.insertAdjacentElement("afterend", feedback);
      field.setAttribute("aria-describedby", ((field.getAttribute("aria-describedby") || "") + " " + id).trim());
    }
    return feedback;
  };

  const check = (field) => {
    if (field.checkValidity()) {
      field.classList.remove("is-invalid");
      field.removeAttribute("aria-invalid");
      const feedback = document.getElementById((field.id || field.name) + "-erreur");
      if (feedback) feedback.textContent = "";
      return true;
    }
    field.classList.add("is-invalid");
    field.setAttribute("aria-invalid", "true");
    feedbackOf(field).textContent = message(field);
    return false;
  };

  const prepare = (root) => {
    root.querySelectorAll("[required]").forEach((field) => {
      // Beside the label, not inside it: the field's name stays « Nom » for screen readers (its
      // required attribute already says « obligatoire ») and for the browser tests.
      const label = labelOf(field);
      if (label && !label.classList.contains("visually-hidden") && !label.nextElementSibling?.classList.contains("required-mark") && !label.querySelector(".required-mark")) {
        label.insertAdjacentHTML("afterend", '<span class="required-mark ms-1" aria-hidden="true">* (obligatoire)</span>');
      }
    });
    root.querySelectorAll("form").forEach((form) => {
      if (form.dataset.frenchValidation) return;
      form.dataset.frenchValidation = "1";
      form.noValidate = true;
    });
  };

  // Capture phase: runs before htmx's own submit handling, so an invalid form is sent by neither.
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || event.submitter?.formNoValidate) return;
    const invalid = [...form.querySelectorAll(fields)].filter((field) => !check(field));
    if (invalid.length > 0) {
      event.preventDefault();
      event.stopImmediatePropagation();
      invalid[0].focus();
    }
  }, true);

  document.addEventListener("input", (event) => {
    if (event.target.classList?.contains("is-invalid")) check(event.target);
  });

  const focusFirstField = () => {
    // A page that chose its field (autofocus) or a fragment the user is working in keeps its focus.
    if (document.querySelector("[autofocus]") || (document.activeElement && document.activeElement !== document.body)) return;
    // The form showing errors, else the first form of the page that has a field to fill in.
    const error = document.querySelector("main .validation-summary-errors");
    const forms = error && error.closest("form") ? [error.closest("form")] : [...document.querySelectorAll("main form[method=post i]:not([data-no-focus])")];
    for (const form of forms) {
      const first = [...form.querySelectorAll(fields)].find((f) => f.offsetParent !== null);
      if (first) { first.focus(); return; }
    }
  };

  prepare(document);
  focusFirstField();
  document.addEventListener("htmx:afterSwap", (event) => prepare(event.target));
})();
