// Jixiao: keeps 完成 usable on Camunda Forms with dynamic lists (Camunda 7.24.0 Tasklist, form-js 1.8.7).
//
// form-js records a field's validation result under errors[fieldId][index] for fields inside a dynamic list and,
// when the field is valid, deletes only the index: errors[fieldId] = [] stays behind. The Tasklist disables 完成
// whenever Object.keys(errors).length > 0, so after typing into any list item (or on opening a form whose lists
// are prefilled) 完成 stays disabled although the form shows no error. This decorator lets the Tasklist count only
// the errors the form actually shows (fields marked fjs-has-errors). Completing still runs form-js's full
// validation, which shows every missing required field.
const angular = window.angular;
const bootstrap = angular.bootstrap;

angular.module('jixiao.formValidity', []).config(['$provide', function ($provide) {
  $provide.decorator('camTasklistFormDirective', ['$delegate', function ($delegate) {
    const directive = $delegate[0];
    const original = directive.controller;
    const deps = original.slice(0, -1);
    const controller = original[original.length - 1];
    directive.controller = deps.concat(['$element', function () {
      const args = Array.prototype.slice.call(arguments);
      const $element = args.pop();
      const $scope = args[0];
      controller.apply(this, args);
      const notify = this.notifyFormValidated;
      const self = this;
      const root = $element[0];
      // Invalid exactly when a field shows an error — form-js's own or the number guard's (scripts/number-input.js),
      // which form-js does not know of — decided after form-js has rendered; 完成 then lists what blocks it.
      // Each notification of the Tasklist runs a digest of the whole Tasklist (tens of ms with a large form open),
      // so the decisions of one burst of changes are made once, and the Tasklist hears only of a change.
      let pending = false;
      let blockers = null;
      function decide() {
        pending = false;
        const shown = root.querySelectorAll('.fjs-has-errors');
        const invalid = shown.length > 0;
        if ($scope.$invalid !== invalid) {
          notify.call(self, invalid);
        }
        const text = Array.prototype.map.call(shown, function (field) {
          return field.textContent;
        }).join('\n');
        if (text !== blockers || (invalid && !root.querySelector('.jx-blockers'))) {
          blockers = text;
          showBlockers(root, shown);
        }
      }
      function decideSoon() {
        if (!pending) {
          pending = true;
          setTimeout(decide, 0);
        }
      }
      this.notifyFormValidated = function (invalid) {
        const form = $scope.tasklistForm;
        if (!form || form.type !== 'camunda-forms' || form.$error) {
          return notify.call(self, invalid);
        }
        decideSoon();
      };
      // The form's 'changed' event tells the Tasklist the form is dirty each time: a digest is needed only the
      // first time.
      const dirty = this.notifyFormDirty;
      this.notifyFormDirty = function (value) {
        if ($scope.$dirty !== value) {
          dirty.call(self, value);
        }
      };
      window.jixiaoRecheckForm = function () {
        const form = $scope.tasklistForm;
        if (form && form.type === 'camunda-forms' && !form.$error && document.body.contains(root)) {
          decideSoon();
        }
      };
    }]);
    return $delegate;
  }]);
}]);

// Beside a disabled 完成: which fields block it and why, each a link that scrolls to the field.
function showBlockers(root, fields) {
  const button = root.querySelector("button[ng-click='complete()']");
  if (!button || !button.parentNode) {
    return;
  }
  let box = root.querySelector('.jx-blockers');
  if (fields.length === 0) {
    if (box) {
      box.remove();
    }
    return;
  }
  if (!box) {
    box = document.createElement('div');
    box.className = 'jx-blockers';
    box.setAttribute('role', 'status');
    button.parentNode.insertBefore(box, button);
  }
  box.textContent = '';
  const head = document.createElement('div');
  head.className = 'jx-blockers-head';
  head.textContent = '以下 ' + fields.length + ' 项需要修改后才能完成：';
  box.appendChild(head);
  const list = document.createElement('ul');
  Array.prototype.slice.call(fields, 0, 10).forEach(function (field) {
    const label = field.querySelector('label');
    const errors = Array.prototype.map.call(field.querySelectorAll('.fjs-form-field-error'), function (e) {
      return e.textContent.trim();
    }).filter(function (t) {
      return t !== '';
    });
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = '';
    link.textContent = (label ? label.textContent.replace(/\*\s*$/, '').trim() : '此项') + (errors.length ? '：' + errors[0] : '');
    link.addEventListener('click', function (event) {
      event.preventDefault();
      field.scrollIntoView({ block: 'center' });
      const input = field.querySelector('input, textarea, select');
      if (input) {
        input.focus();
      }
    });
    item.appendChild(link);
    list.appendChild(item);
  });
  if (fields.length > 10) {
    const more = document.createElement('li');
    more.textContent = '……另有 ' + (fields.length - 10) + ' 项';
    list.appendChild(more);
  }
  box.appendChild(list);
}

angular.bootstrap = function (element, modules, config) {
  return bootstrap.call(angular, element, (modules || []).concat('jixiao.formValidity'), config);
};
