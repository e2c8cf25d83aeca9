// Jixiao: number fields take numbers as Chinese office workers type them, and never change one silently.
//
// form-js 1.8.7's number field (Camunda 7.24.0 Tasklist) drops keys it does not know (full-width digits vanish),
// reads a comma as a decimal point (1,000 is stored as 1) and stops typing at the allowed decimals (12.345 becomes
// 12.34), all without a word. This script stands in front of it for every number field of a Camunda Form:
//  - any key reaches the field (form-js's key filter is bypassed);
//  - what is typed is read with the server's grammar (cn.jixiao.report.TypedNumber): half- or full-width digits,
//    thousands separators (, and ，) in their right places, a trailing unit as the field shows it (万元, 分, 人, 年);
//  - a reading form-js receives is the exact number in plain digits, while the field keeps showing what was typed;
//  - anything else (1O0, 1,00, 12.34567 where an amount in 万元 keeps four decimals, 9.125 where a score keeps two)
//    gets a Chinese message under the field naming it, form-js keeps its last good value, and 完成 stays disabled
//    until it is fixed (scripts/form-validity.js). The decimals allowed are the field's own (its decimalDigits, which
//    form-js writes as the input's step): four for amounts in 万元, two for points, none for counts and years.
(function () {
  const FIELD = '.fjs-form-field-number';
  const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');

  function halfWidth(text) {
    let out = '';
    for (const c of text) {
      const code = c.charCodeAt(0);
      if (code >= 0xff10 && code <= 0xff19) {
        out += String.fromCharCode(48 + code - 0xff10);
      } else if (c === '．' || c === '。') {
        out += '.';
      } else if (c === '，') {
        out += ',';
      } else if (c === '－' || c === '−') {
        out += '-';
      } else if (c === '\u3000' || c === '\u00a0') {
        out += ' ';
      } else {
        out += c;
      }
    }
    return out;
  }

  function onlyDigits(unit) {
    return '只能填写数字' + (unit ? '（单位' + unit + '，可省略）' : '');
  }

  // The grammar of TypedNumber.read: {value: plain digits or '' for empty} or {problem}.
  function read(typed, unit, maxDecimals) {
    let text = halfWidth(typed || '').trim();
    if (text === '') {
      return { value: '' };
    }
    if (unit && text.endsWith(unit)) {
      text = text.slice(0, text.length - unit.length).trim();
    }
    const negative = text.startsWith('-');
    const body = negative ? text.slice(1) : text;
    if (body === '' || !/[0-9]/.test(body)) {
      return { problem: onlyDigits(unit) };
    }
    const stray = /[^0-9,.]/.exec(body);
    if (stray) {
      return { problem: onlyDigits(unit) + '，「' + stray[0] + '」不是数字' };
    }
    if (body.indexOf('.') !== body.lastIndexOf('.')) {
      return { problem: '只能有一个小数点' };
    }
    if (body.startsWith('.') || body.endsWith('.')) {
      return { problem: '小数点前后都要有数字' };
    }
    if (body.includes(',') && !/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(body)) {
      return { problem: '千分位逗号位置不对（应每三位一个，如 1,234.56），逗号不能当小数点' };
    }
    const plain = body.replace(/,/g, '');
    const dot = plain.indexOf('.');
    const decimals = dot < 0 ? 0 : plain.length - dot - 1;
    if (decimals > maxDecimals) {
      return { problem: maxDecimals === 0 ? '应为整数，不能有小数' : '最多' + maxDecimals + '位小数（不会自动四舍五入），请核对' };
    }
    return { value: (negative ? '-' : '') + plain };
  }

  function guarded(target) {
    return target instanceof HTMLInputElement && !target.readOnly && !target.disabled && target.closest(FIELD) !== null;
  }

  function unitOf(field) {
    const post = field.querySelector('.fjs-input-adornment.border-left .fjs-input-adornment-text');
    return post ? post.textContent.trim() : '';
  }

  // form-js sets the input's step to 1e-decimalDigits (0.01) or 1.
  function decimalsOf(input) {
    const step = input.getAttribute('step') || '1';
    const dot = step.indexOf('.');
    return dot < 0 ? 0 : step.length - dot - 1;
  }

  function labelOf(field) {
    const label = field.querySelector('label');
    return label ? label.textContent.replace(/\*\s*$/, '').trim() : '此项';
  }

  function readingOf(input) {
    const field = input.closest(FIELD);
    return read(native.get.call(input), unitOf(field), decimalsOf(input));
  }

  // The field keeps what the person typed: form-js may write the same number back in plain digits, which is kept
  // out, and nothing is written over a text that is being corrected.
  function adopt(input) {
    if (input.__jixiaoNumber) {
      return;
    }
    input.__jixiaoNumber = true;
    Object.defineProperty(input, 'value', {
      configurable: true,
      get() {
        return this.__jixiaoServe !== undefined ? this.__jixiaoServe : native.get.call(this);
      },
      set(value) {
        const reading = readingOf(this);
        if (this.__jixiaoProblem || (reading.value !== undefined && reading.value !== '' && reading.value === String(value))) {
          return;
        }
        native.set.call(this, value);
      }
    });
  }

  function showProblem(field, text) {
    let box = field.querySelector('.jx-number-error');
    if (!box) {
      box = document.createElement('div');
      box.className = 'fjs-form-field-error jx-number-error';
      box.setAttribute('role', 'alert');
      field.appendChild(box);
    }
    box.textContent = text;
    field.classList.add('fjs-has-errors');
  }

  function clearProblem(field) {
    const box = field.querySelector('.jx-number-error');
    if (box) {
      box.remove();
      if (!field.querySelector('.fjs-form-field-error')) {
        field.classList.remove('fjs-has-errors');
      }
    }
  }

  function recheck() {
    if (typeof window.jixiaoRecheckForm === 'function') {
      window.jixiaoRecheckForm();
    }
  }

  // form-js drops every key but ASCII digits, one separator and a leading minus (full-width characters often come
  // with no key name at all): let them all through. Enter stays with form-js, which keeps it from submitting.
  document.addEventListener('keypress', function (event) {
    if (guarded(event.target) && event.key !== 'Enter') {
      event.stopImmediatePropagation();
    }
  }, true);

  document.addEventListener('input', function (event) {
    const input = event.target;
    if (!guarded(input)) {
      return;
    }
    adopt(input);
    const field = input.closest(FIELD);
    const reading = readingOf(input);
    if (reading.problem) {
      input.__jixiaoProblem = true;
      showProblem(field, '「' + labelOf(field) + '」' + reading.problem + '，实填「' + native.get.call(input) + '」');
      // form-js keeps its last good value; 完成 stays disabled while the message shows.
      event.stopImmediatePropagation();
      recheck();
      return;
    }
    input.__jixiaoProblem = false;
    clearProblem(field);
    // form-js reads event.target.value in its own handler: serve it the plain number for this one event.
    input.__jixiaoServe = reading.value;
    setTimeout(function () {
      delete input.__jixiaoServe;
    }, 0);
    recheck();
  }, true);

  document.addEventListener('input', function (event) {
    if (event.target && event.target.__jixiaoServe !== undefined) {
      delete event.target.__jixiaoServe;
    }
  }, false);

  // A form-js re-render may drop the marks of a field still showing a problem: put them back.
  new MutationObserver(function () {
    document.querySelectorAll('.jx-number-error').forEach(function (box) {
      const field = box.closest(FIELD);
      if (field && !field.classList.contains('fjs-has-errors')) {
        field.classList.add('fjs-has-errors');
      }
    });
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['class'], subtree: true });
})();
