/* The projector: the live solidarity puzzle with the step's countdown and the join QR. */
(() => {
  const { el, t, api, followBoard, puzzle, countdown, stepLine, translate, languageToggle, pathIds } = Minga;
  const [assemblyId] = pathIds();
  let board = null;

  document.getElementById("lang").append(languageToggle());
  translate();

  function fitText(board) {
    // Fewer tables per column leave room for larger type.
    const mostTables = Math.max(1, ...board.axes.map(a => a.tables.length));
    const base = mostTables <= 2 ? 1.45 : mostTables <= 3 ? 1.25 : mostTables <= 4 ? 1.05 : 0.92;
    document.body.style.setProperty("--base", base + "vw");
    document.body.dataset.density = mostTables >= 4 ? "dense" : "roomy";
  }

  function render() {
    if (!board) return;
    document.title = board.title + " · Minga";
    document.getElementById("title").textContent = board.title;
    document.getElementById("status").textContent = t("status." + board.status);
    document.getElementById("step-name").textContent = stepLine(board.step);
    fitText(board);
    const area = document.getElementById("board");
    area.replaceChildren(puzzle(board));
    tick();
  }

  function tick() {
    if (!board) return;
    const clock = document.getElementById("countdown");
    const { text, overtime } = board.step.open ? countdown(board.step) : { text: "", overtime: false };
    clock.textContent = text;
    clock.classList.toggle("overtime", overtime);
    clock.classList.toggle("paused", !!(board.step.open && board.step.pausedAt));
    clock.setAttribute("aria-label", overtime ? t("overtime") + " " + text : text);
  }

  async function showJoinLink() {
    const answer = await api("GET", "/api/join-address").catch(() => null);
    const base = answer && answer.ok ? answer.data.baseUrl : location.origin;
    const url = base + "/table/" + encodeURIComponent(assemblyId);
    const link = document.getElementById("join-link");
    link.textContent = url.replace(/^https?:\/\//, "");
    link.href = url;
    document.getElementById("qr").src = "/qr.svg?text=" + encodeURIComponent(url);
  }

  followBoard(assemblyId, next => { board = next; render(); }, state => {
    const live = document.getElementById("live");
    live.textContent = t(state === "online" ? "live.online" : "live.reconnecting");
    live.classList.toggle("reconnecting", state !== "online");
  });
  document.addEventListener("minga:lang", render);
  setInterval(tick, 500);
  showJoinLink();
})();
