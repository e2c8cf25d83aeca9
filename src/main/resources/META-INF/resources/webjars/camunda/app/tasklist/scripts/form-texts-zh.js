// Jixiao: Chinese for the texts form-js 1.8.7 (bundled with the Camunda 7.24.0 Tasklist) writes itself — validation
// hints, the dynamic lists' buttons, the select placeholder — which it offers no translation for. Applied, like the
// Tasklist's own zh locale, when the browser's first preferred language is Chinese; other users keep English.
(function () {
  const languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
  if (!String(languages[0]).toLowerCase().startsWith('zh')) {
    return;
  }

  // Whole texts as form-js renders them (text nodes and the attributes below), and their Chinese.
  const TEXTS = [
    [/^Field is required\.$/, '此项为必填项。'],
    [/^Field must have minimum value of (.+)\.$/, '不能小于 $1。'],
    [/^Field must have maximum value of (.+)\.$/, '不能大于 $1。'],
    [/^Field must have minimum length of (.+)\.$/, '至少 $1 个字符。'],
    [/^Field must have maximum length of (.+)\.$/, '最多 $1 个字符。'],
    [/^Field must match pattern .+\.$/, '格式不正确。'],
    [/^Add new$/, '新增一项'],
    [/^Remove list item (\d+)$/, '删除第 $1 项'],
    [/^Expand all \((\d+)\)$/, '全部展开（$1 项）'],
    [/^Collapse$/, '收起'],
    [/^Select$/, '请选择'],
    [/^Search$/, '搜索'],
    [/^Increment$/, '增加'],
    [/^Decrement$/, '减少']
  ];
  const ATTRIBUTES = ['placeholder', 'aria-label', 'title'];

  function chinese(text) {
    const trimmed = text.trim();
    for (const [english, zh] of TEXTS) {
      if (english.test(trimmed)) {
        return text.replace(trimmed, trimmed.replace(english, zh));
      }
    }
    return null;
  }

  function translate(node) {
    if (node.nodeType === Node.TEXT_NODE) {
      const zh = chinese(node.nodeValue);
      if (zh !== null) {
        node.nodeValue = zh;
      }
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) {
      return;
    }
    const elements = [node].concat(Array.from(node.querySelectorAll('*')));
    for (const element of elements) {
      for (const name of ATTRIBUTES) {
        const value = element.getAttribute(name);
        const zh = value === null ? null : chinese(value);
        if (zh !== null) {
          element.setAttribute(name, zh);
        }
      }
    }
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      translate(text);
    }
  }

  // Only inside Camunda Forms (form-js renders into .fjs-container), as they render and re-render.
  function inForm(node) {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return element !== null && element.closest('.fjs-container') !== null;
  }

  new MutationObserver(function (mutations) {
    for (const mutation of mutations) {
      if (mutation.type === 'childList') {
        mutation.addedNodes.forEach(function (added) {
          if (inForm(added)) {
            translate(added);
          }
        });
      } else if (inForm(mutation.target)) {
        translate(mutation.target);
      }
    }
  }).observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ATTRIBUTES
  });
})();
