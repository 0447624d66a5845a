/* Progressive enhancements of the application form; everything works without them.
 * - Time-zone pickers (select[data-timezone-picker]): the browser's own zone joins the likely
 *   zones at the top (and is chosen on a fresh form); a search box filters the long list.
 * - <time data-local-datetime>: shown in the reader's own time zone when it is not the
 *   programme's (the server's text, in Prague time, stays as the tooltip). */
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function browserZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (error) {
      return "";
    }
  }

  function enhancePicker(select) {
    var groups = select.querySelectorAll("optgroup");
    if (groups.length < 2) return;
    var likely = groups[0];
    var rest = groups[1];
    var zone = browserZone();
    var own = zone ? select.querySelector('option[value="' + zone + '"]') : null;
    if (own && own.parentNode !== likely) {
      likely.insertBefore(own, likely.firstChild);
    }
    var fresh = !document.querySelector('input[name="draft_token"]') &&
      !document.getElementById("error-summary");
    if (own && fresh) select.value = zone;

    var all = Array.prototype.slice.call(rest.querySelectorAll("option"));
    var search = document.createElement("input");
    search.type = "search";
    search.id = select.id + "-search";
    search.className = "timezone-search";
    search.setAttribute("autocomplete", "off");
    search.setAttribute("aria-controls", select.id);
    var label = document.createElement("label");
    label.htmlFor = search.id;
    label.className = "timezone-search__label";
    label.textContent = select.getAttribute("data-search-label") || "Search";
    var wrapper = document.createElement("div");
    wrapper.className = "timezone-search__wrapper";
    wrapper.appendChild(label);
    wrapper.appendChild(search);
    select.parentNode.insertBefore(wrapper, select);

    search.addEventListener("input", function () {
      var wanted = fold(search.value.trim());
      var chosen = select.value;
      var first = null;
      all.forEach(function (option) {
        var match = !wanted || fold(option.textContent + " " + option.value).indexOf(wanted) !== -1;
        if (match || option.value === chosen) {
          rest.appendChild(option);
          if (match && !first) first = option;
        } else if (option.parentNode) {
          option.parentNode.removeChild(option);
        }
      });
      if (wanted && first) select.value = first.value;
    });
  }

  function localizeTimes() {
    var zone = browserZone();
    if (!zone || zone === "Europe/Prague" || zone === "Europe/Berlin") return;
    var lang = document.documentElement.lang || "en";
    var format;
    try {
      format = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : lang, {
        dateStyle: "long", timeStyle: "short", timeZoneName: "short"
      });
    } catch (error) {
      return;
    }
    document.querySelectorAll("time[data-local-datetime]").forEach(function (node) {
      var moment = new Date(node.getAttribute("datetime"));
      if (isNaN(moment.getTime())) return;
      node.title = node.textContent;
      node.textContent = format.format(moment);
    });
  }

  document.querySelectorAll("select[data-timezone-picker]").forEach(enhancePicker);
  localizeTimes();
})();
