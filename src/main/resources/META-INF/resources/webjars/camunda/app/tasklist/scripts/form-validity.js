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
      this.notifyFormValidated = function (invalid) {
        const form = $scope.tasklistForm;
        if (!invalid || !form || form.type !== 'camunda-forms' || form.$error) {
          return notify.call(self, invalid);
        }
        // Decide after form-js has rendered the new state: invalid only if a field shows an error.
        setTimeout(function () {
          notify.call(self, $element[0].querySelector('.fjs-has-errors') !== null);
        }, 0);
      };
    }]);
    return $delegate;
  }]);
}]);

angular.bootstrap = function (element, modules, config) {
  return bootstrap.call(angular, element, (modules || []).concat('jixiao.formValidity'), config);
};
