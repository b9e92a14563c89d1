// The "In lịch tuần" button: shown only when scripts run, prints the week (print.css lays it out on A4).
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-schedule-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
});
