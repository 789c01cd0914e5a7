// GovPulse dashboard: the city's and one unit's figures, live over SignalR.
(() => {
  "use strict";
  const CITY = "79";
  const number = new Intl.NumberFormat("vi-VN");
  const points = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const GROUPS = {
    PUBLICITY: "Công khai, minh bạch",
    PROGRESS: "Tiến độ, kết quả giải quyết",
    ONLINE: "Dịch vụ công trực tuyến",
    PAYMENT: "Thanh toán trực tuyến",
    DIGITIZATION: "Mức độ số hóa hồ sơ",
    SATISFACTION: "Mức độ hài lòng",
  };
  const clock = new Intl.DateTimeFormat("vi-VN", { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false, timeZone: "Asia/Ho_Chi_Minh" });
  const cityCard = document.querySelector('[data-unit="79"]');
  const unitCard = document.getElementById("unit-card");
  const picker = document.getElementById("unit-picker");
  const statusLine = document.getElementById("status");
  const stale = document.getElementById("stale");
  const params = new URLSearchParams(location.search);
  let chosen = params.get("unit");

  function periodLabel(p) {
    const m = /^(\d{4})-(\d{2})$/.exec(p);
    return m ? `Tháng ${Number(m[2])}/${m[1]}` : p;
  }

  function show(card, s) {
    const set = (field, text) => {
      const el = card.querySelector(`[data-field="${field}"]`);
      if (el && el.textContent !== text) {
        el.textContent = text;
        if (el.tagName === "DD") { el.classList.remove("flash"); void el.offsetWidth; el.classList.add("flash"); }
      }
    };
    if (card === unitCard) set("name", s.name);
    set("period", "Kỳ đánh giá: " + periodLabel(s.period));
    set("received", number.format(s.counts.received));
    set("finished", number.format(s.counts.finished));
    set("inProgressOnTime", number.format(s.counts.inProgressOnTime));
    set("overdue", number.format(s.counts.finishedLate + s.counts.inProgressOverdue));
    if (s.total !== null && s.total !== undefined) set("total", points.format(s.total));
    set("band", s.band || "");
    const list = card.querySelector('[data-field="groups"]');
    if (list && s.groups) {
      list.replaceChildren(...s.groups.map(g => {
        const li = document.createElement("li");
        const share = g.max > 0 ? Math.max(0, Math.min(100, 100 * g.score / g.max)) : 0;
        li.innerHTML = `<span class="g-name"></span><span class="g-score"></span><span class="g-bar" aria-hidden="true"><span style="width:${share}%"></span></span>`;
        li.querySelector(".g-name").textContent = GROUPS[g.code] || g.code;
        li.querySelector(".g-score").textContent = `${points.format(g.score)} / ${number.format(g.max)}`;
        return li;
      }));
    }
    set("updated", "Cập nhật lúc " + clock.format(new Date()));
  }

  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/indicators")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(1000 * 2 ** ctx.previousRetryCount, 10000) })
    .build();

  connection.on("scorecard", s => {
    if (s.unitCode === CITY) show(cityCard, s);
    if (s.unitCode === chosen) show(unitCard, s);
  });

  async function subscribeAll() {
    await connection.invoke("Subscribe", CITY);
    if (chosen) await connection.invoke("Subscribe", chosen);
  }

  function online(yes) {
    stale.hidden = yes;
    statusLine.textContent = yes ? "Trực tuyến — số liệu cập nhật tức thời" : "Mất kết nối — đang kết nối lại…";
  }

  connection.onreconnecting(() => online(false));
  connection.onreconnected(async () => { online(true); await subscribeAll(); });
  connection.onclose(() => { online(false); setTimeout(start, 5000); });

  async function start() {
    try {
      await connection.start();
      online(true);
      await subscribeAll();
    } catch {
      online(false);
      setTimeout(start, 5000);
    }
  }

  picker.addEventListener("change", async () => {
    const previous = chosen;
    chosen = picker.value;
    params.set("unit", chosen);
    history.replaceState(null, "", "?" + params.toString());
    if (connection.state === signalR.HubConnectionState.Connected) {
      if (previous) await connection.invoke("Unsubscribe", previous);
      await connection.invoke("Subscribe", chosen);
    }
  });

  async function loadUnits() {
    const units = await (await fetch("/api/v1/units")).json();
    const groups = [["commune", "Phường, xã, đặc khu"], ["department", "Sở, ban, ngành"]];
    for (const [kind, label] of groups) {
      const group = document.createElement("optgroup");
      group.label = label;
      units.filter(u => u.kind === kind)
        .sort((a, b) => a.name.localeCompare(b.name, "vi"))
        .forEach(u => group.append(new Option(u.name, u.code)));
      picker.append(group);
    }
    if (!chosen || !units.some(u => u.code === chosen)) chosen = picker.querySelector("option").value;
    picker.value = chosen;
  }

  loadUnits().then(start);
})();
