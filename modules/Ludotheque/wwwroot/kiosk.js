// The kiosk's behaviour (no inline scripts: CSP). Clock, idle sign-out, VALIDER with an offline queue,
// QR card scanning with the camera. Everything works from data- attributes the pages render.
(() => {
  "use strict";
  const QUEUE_KEY = "cc.borne.envois";
  const IDLE_MS = 2 * 60 * 1000;

  // « 15 41 20 » in Paris time, whatever the tablet's own time zone.
  const clockFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
  const tick = () => document.querySelectorAll("[data-kiosk-clock]").forEach((el) => {
    el.textContent = clockFormat.format(new Date()).replaceAll(":", " ");
  });
  tick();
  setInterval(tick, 1000);

  // A family that walks away: back home (which ends its session) after 2 minutes without a touch.
  const idle = document.querySelector("[data-kiosk-idle]");
  if (idle) {
    let timer;
    const arm = () => { clearTimeout(timer); timer = setTimeout(() => { window.location.href = idle.getAttribute("data-kiosk-idle"); }, IDLE_MS); };
    ["pointerdown", "keydown", "touchstart"].forEach((e) => document.addEventListener(e, arm, { passive: true }));
    arm();
  }

  // The anti-forgery token of the page now shown (a replay sends the current one, not the one of its time).
  const currentToken = () => {
    try { return JSON.parse(document.body.getAttribute("hx-headers") || "{}").RequestVerificationToken || ""; } catch { return ""; }
  };
  const readQueue = () => { try { return JSON.parse(localStorage.getItem(QUEUE_KEY) || "[]"); } catch { return []; } };
  const writeQueue = (items) => localStorage.setItem(QUEUE_KEY, JSON.stringify(items));

  const send = (url, body) => fetch(url, {
    method: "POST",
    headers: { "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded", "RequestVerificationToken": currentToken() },
    body,
    credentials: "same-origin",
  });

  // Answered by the application: its JSON (the kiosk endpoint always answers so), or a redirect within
  // this site (the page's own POST, for check-ins kept before the endpoint). A Wi-Fi portal or a proxy
  // that answers in its place (a login page with 200, another site) is not an answer.
  const answered = (response) => (response.headers.get("Content-Type") || "").includes("application/json")
    || (response.redirected && new URL(response.url).origin === window.location.origin);

  // Sends the check-ins kept while offline. The server knows each by its checkInId: a replay never
  // counts twice. Kept on network failure, server trouble (5xx) or an answer not the application's;
  // dropped once the application answered (recorded or refused).
  let flushing = null;
  const flush = () => {
    if (flushing) return flushing;
    flushing = (async () => {
      let sent = 0;
      for (const item of readQueue()) {
        try {
          const response = await send(item.url, item.body);
          if (response.status >= 500 || !answered(response)) continue;
          writeQueue(readQueue().filter((i) => i.id !== item.id));
          sent++;
        } catch { break; }
      }
      // The counter on this page may have counted before these landed.
      if (sent) document.body.dispatchEvent(new CustomEvent("cc:checkins-sent"));
    })().finally(() => { flushing = null; });
    return flushing;
  };
  window.addEventListener("online", () => { flush(); });
  if (navigator.onLine) flush();
  setInterval(() => { if (navigator.onLine && readQueue().length) flush(); }, 30000);

  const sheet = document.querySelector("[data-family-sheet]");
  const form = document.querySelector("[data-checkin-form]");
  if (sheet && form) {
    const doneUrl = sheet.getAttribute("data-done-url");
    // The kiosk's JSON endpoint (the form's action serves a browser without script).
    const url = form.getAttribute("data-checkin-url") || form.action;
    const show = (selector) => sheet.querySelector(selector).hidden = false;
    const goHomeSoon = () => setTimeout(() => { window.location.href = doneUrl; }, 4000);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const error = form.querySelector("[data-checkin-error]");
      error.hidden = true;
      form.querySelector("[data-clicked-at]").value = new Date().toISOString();
      const body = new URLSearchParams(new FormData(form)).toString();
      const button = form.querySelector("button[type=submit]");
      button.disabled = true;
      try {
        const response = await send(url, body);
        const answer = response.status < 500 && answered(response) ? await response.json().catch(() => null) : null;
        if (response.ok && answer) {
          show("[data-checkin-thanks]");
          goHomeSoon();
          return;
        }
        if (answer) {
          error.textContent = answer.message || "La présence n'a pas pu être enregistrée. Reconnectez-vous pour recommencer.";
          error.hidden = false;
          button.disabled = false;
          return;
        }
        throw new Error("server");
      } catch {
        // No network, the server down, or a Wi-Fi portal answering in its place: keep it, say so, send it
        // when the network is back.
        const id = form.querySelector("[data-checkin-id]").value;
        writeQueue(readQueue().filter((i) => i.id !== id).concat([{ id, url, body }]));
        show("[data-checkin-pending]");
        if (navigator.onLine) {
          goHomeSoon();
        } else {
          window.addEventListener("online", async () => { await flush(); window.location.href = doneUrl; }, { once: true });
        }
      }
    });
  }

  // « Scanner ma carte »: the camera's frames go to jsQR; a USB reader types into the field instead.
  const scanner = document.querySelector("[data-qr-scanner]");
  if (scanner && window.jsQR && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    const video = scanner.querySelector("video");
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d", { willReadFrequently: true });
    const field = document.querySelector("[data-qr-field]");
    const status = scanner.querySelector("[data-qr-status]");
    // A card just refused stays in front of the camera: never send it again (the page would reload
    // forever), say so instead, and wait for another card.
    const REFUSED_KEY = "cc.borne.carte-refusee";
    const refusedShown = !!document.querySelector("[data-card-error]:not([hidden])");
    const refused = refusedShown ? sessionStorage.getItem(REFUSED_KEY) : null;
    if (!refusedShown) sessionStorage.removeItem(REFUSED_KEY);
    let done = false;
    const look = () => {
      if (done) return;
      if (video.readyState === video.HAVE_ENOUGH_DATA) {
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        const code = window.jsQR(context.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height, { inversionAttempts: "dontInvert" });
        if (code && code.data && code.data === refused) {
          status.textContent = "Cette carte n'est pas reconnue : demandez à l'accueil, ou connectez-vous avec votre identifiant.";
        } else if (code && code.data) {
          done = true;
          sessionStorage.setItem(REFUSED_KEY, code.data);
          field.value = code.data.slice(0, 200);
          field.form.submit();
          return;
        }
      }
      requestAnimationFrame(look);
    };
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then((stream) => { video.srcObject = stream; video.play(); status.textContent = "Présentez votre carte devant la caméra."; requestAnimationFrame(look); })
      .catch(() => { status.textContent = "La caméra n'est pas disponible : utilisez le lecteur de cartes, ou connectez-vous avec votre identifiant."; });
  }

  // Family forms (« Inscription d'une nouvelle famille »): the optional lines still empty wait behind
  // « Ajouter un nouveau membre dans sa famille », one per touch; without script, all lines show.
  const addMember = document.querySelector("[data-add-member]");
  if (addMember) {
    const isEmpty = (line) => [...line.querySelectorAll("input")].every((i) => !i.value);
    const waiting = () => [...document.querySelectorAll("[data-member-line][data-optional='true'][hidden]")];
    document.querySelectorAll("[data-member-line][data-optional='true']").forEach((line, i) => { if (i > 0 && isEmpty(line)) line.hidden = true; });
    addMember.hidden = waiting().length === 0;
    addMember.addEventListener("click", () => {
      const next = waiting()[0];
      if (!next) return;
      next.hidden = false;
      next.querySelector("input")?.focus();
      addMember.hidden = waiting().length === 0;
    });
  }
  // The avatar chosen in a list shows beside it.
  document.querySelectorAll("[data-avatar-select]").forEach((select) => {
    const preview = select.parentElement.querySelector("[data-avatar-preview]");
    select.addEventListener("change", () => { if (preview) preview.src = select.selectedOptions[0]?.getAttribute("data-url") || preview.src; });
  });
})();
