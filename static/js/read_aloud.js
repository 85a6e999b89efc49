// Read aloud (templates/partials/read_aloud.html): a button reads its block with the browser's own speech
// synthesis, so no text leaves the device. Each part of the block is read in its own language: the nearest lang
// attribute, which is the page's language, or the language staff wrote in for their text. A button shows only
// when the browser has a voice for one of the block's languages; voices often arrive late (voiceschanged).
(function () {
  "use strict";
  var synth = window.speechSynthesis;
  var buttons = Array.prototype.slice.call(document.querySelectorAll("[data-read-aloud-for]"));
  if (!buttons.length || !synth || typeof window.SpeechSynthesisUtterance !== "function") {
    return;
  }
  var SKIP = "button, script, style, template, [hidden], [aria-hidden='true'], [data-read-aloud-skip]";
  var current = null;

  function normal(lang) {
    return (lang || "").toLowerCase().replace("_", "-");
  }

  function langOf(element) {
    var holder = element.closest("[lang]");
    return normal(holder ? holder.getAttribute("lang") : document.documentElement.lang);
  }

  function voiceFor(lang) {
    var voices = synth.getVoices() || [];
    var base = lang.split("-")[0];
    var exact = null;
    var near = null;
    voices.forEach(function (voice) {
      var code = normal(voice.lang);
      if (code === lang && !exact) {
        exact = voice;
      } else if ((code === base || code.split("-")[0] === base) && !near) {
        near = voice;
      }
    });
    return exact || near;
  }

  // The block's text in runs of one language each, in reading order.
  function parts(block) {
    var runs = [];
    var walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      var parent = node.parentElement;
      var text = node.nodeValue.replace(/\s+/g, " ");
      if (!parent || !text.trim() || parent.closest(SKIP)) {
        continue;
      }
      var lang = langOf(parent);
      var last = runs[runs.length - 1];
      if (last && last.lang === lang) {
        last.text += text;
      } else {
        runs.push({ lang: lang, text: text });
      }
    }
    return runs
      .map(function (run) {
        return { lang: run.lang, text: run.text.replace(/\s+/g, " ").trim(), voice: voiceFor(run.lang) };
      })
      .filter(function (run) {
        return run.text && run.voice;
      });
  }

  function label(button, speaking) {
    var span = button.querySelector("[data-read-aloud-label]");
    span.textContent = speaking ? button.dataset.labelStop : button.dataset.labelRead;
    button.classList.toggle("is-speaking", speaking);
  }

  function stop() {
    if (current) {
      label(current, false);
      current = null;
    }
    synth.cancel();
  }

  function update() {
    buttons.forEach(function (button) {
      var block = document.getElementById(button.dataset.readAloudFor);
      button.hidden = !(block && parts(block).length);
    });
  }

  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      var speaking = current === button;
      stop();
      var block = document.getElementById(button.dataset.readAloudFor);
      if (speaking || !block) {
        return;
      }
      var runs = parts(block);
      if (!runs.length) {
        return;
      }
      current = button;
      label(button, true);
      runs.forEach(function (run, index) {
        var utterance = new window.SpeechSynthesisUtterance(run.text);
        utterance.lang = run.lang;
        utterance.voice = run.voice;
        if (index === runs.length - 1) {
          utterance.onend = utterance.onerror = function () {
            if (current === button) {
              label(button, false);
              current = null;
            }
          };
        }
        synth.speak(utterance);
      });
    });
  });

  update();
  if (typeof synth.addEventListener === "function") {
    synth.addEventListener("voiceschanged", update);
  } else {
    synth.onvoiceschanged = update;
  }
  // A page left while reading stops reading.
  window.addEventListener("pagehide", stop);
})();
