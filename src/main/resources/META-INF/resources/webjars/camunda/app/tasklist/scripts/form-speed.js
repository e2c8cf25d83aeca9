// Jixiao: Camunda Forms open without re-rendering once per filled number field (form-js 1.8.7, Camunda 7.24.0).
//
// form-js's number field reports its value as a change on its first render (it compares the value with a "previous
// value" that starts as null), 300 ms later, once per filled number field and each in its own timer. Every such
// report re-validates and re-renders the whole form, re-evaluates every FEEL template and makes the Tasklist run
// two Angular digests: a project form with 29 filled amounts and scores rendered 30 times on opening, and was
// busy for about 3 s of CPU on this project's 2-core machine. A change that changes nothing — the same value the
// form already holds, valid, with no error shown — is dropped here before it reaches the form's state. Every real
// change (typing, a list row added or removed) and every error still goes through form-js unchanged; completing
// still validates every field.
//
// form-js is not reachable from outside the Tasklist's webpack bundle: the Form class is taken from the bundle's
// own module registry (the chunk-loading array every webpack bundle keeps on `self`). Where a Camunda upgrade moves
// or changes it, this does nothing and says so in the console; forms then work as before, only slower.
// The Tasklist runs a digest of the whole page on every server answer and form change. In each, the task list's
// search box asks its own width (for its padding) through jQuery, which forces the browser to lay out the page
// there and then — with a large form just rendered, tens of ms per digest. Its width is now kept by a
// ResizeObserver and read from there, with the same rule (wider than 400 px: 125 px, else 12 px).
(function () {
  const angular = window.angular;
  if (!angular || typeof window.ResizeObserver !== 'function') {
    return;
  }
  angular.module('jixiao.formSpeed', []).config(['$provide', function ($provide) {
    $provide.decorator('camWidgetSearchDirective', ['$delegate', function ($delegate) {
      const directive = $delegate[0];
      const link = directive.link;
      if (typeof link !== 'function') {
        return $delegate;
      }
      directive.compile = function () {
        return function (scope, element) {
          link.apply(this, arguments);
          const original = scope.getRightPadding;
          if (typeof original !== 'function') {
            return;
          }
          const box = element[0];
          let wide = original.call(scope) === '125px';
          const observer = new window.ResizeObserver(function (entries) {
            const next = entries[entries.length - 1].contentRect.width > 400;
            if (next !== wide) {
              wide = next;
              scope.$applyAsync();
            }
          });
          observer.observe(box);
          scope.$on('$destroy', function () {
            observer.disconnect();
          });
          scope.getRightPadding = function () {
            return wide ? '125px' : '12px';
          };
        };
      };
      return $delegate;
    }]);
  }]);
  const bootstrap = angular.bootstrap;
  angular.bootstrap = function (element, modules, config) {
    return bootstrap.call(angular, element, (modules || []).concat('jixiao.formSpeed'), config);
  };
})();

(function () {
  const FORM_JS = 57661; // the module id of @bpmn-io/form-js in Camunda 7.24.0's lib/deps.js
  const chunks = self.webpackChunkcamunda_bpm_webapp;
  let Form = null;
  // Only once the bundle's runtime has taken over the array (it has, before the Tasklist loads its custom scripts):
  // an entry queued before would run inside the runtime's own start, where nothing may throw.
  if (chunks && typeof chunks.push === 'function' && chunks.push !== Array.prototype.push) {
    try {
      chunks.push([['jixiao-form-speed'], {}, function (require) {
        try {
          const formJs = require(FORM_JS);
          Form = formJs && formJs.Form;
        } catch (e) {
          Form = null;
        }
      }]);
    } catch (e) {
      Form = null;
    }
  }
  const update = Form && Form.prototype && Form.prototype._update;
  if (typeof update !== 'function' || typeof Form.prototype._getState !== 'function') {
    if (window.console) {
      window.console.warn('Jixiao form-speed: form-js not found in this Tasklist; forms render unpatched');
    }
    return;
  }

  function at(object, path) {
    let value = object;
    for (let i = 0; i < path.length; i++) {
      if (value === null || value === undefined) {
        return undefined;
      }
      value = value[path[i]];
    }
    return value;
  }

  function unchanged(form, change) {
    const instance = change && change.fieldInstance;
    if (!instance || !Array.isArray(instance.valuePath)) {
      return false;
    }
    const state = form._getState();
    if (!state || !state.data || at(state.data, instance.valuePath) !== change.value) {
      return false;
    }
    const errorPath = [instance.id].concat(Object.values(instance.indexes || {}));
    if (at(state.errors || {}, errorPath) !== undefined) {
      return false; // an error is shown: let form-js decide whether it goes
    }
    return form.get('validator').validateFieldInstance(instance, change.value).length === 0;
  }

  // How many changes were dropped (for the browser test: it proves the patch is in place) and how many forms were
  // imported (for the benchmark: an opening that imports its form twice).
  const counts = (window.jixiaoFormSpeed = { dropped: 0, imports: 0 });
  const importSchema = Form.prototype.importSchema;
  Form.prototype.importSchema = function () {
    counts.imports++;
    return importSchema.apply(this, arguments);
  };
  Form.prototype._update = function (change) {
    if (unchanged(this, change)) {
      counts.dropped++;
      return;
    }
    return update.call(this, change);
  };
})();
