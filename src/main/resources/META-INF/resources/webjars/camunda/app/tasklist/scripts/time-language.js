// Jixiao: relative times ("3 分钟前") in the language of the rest of the Tasklist, always.
//
// The Tasklist hands each locale file's date texts to moment when the file arrives; moment's updateLocale also
// makes that locale the global one, so whichever file arrives last — the user's zh or the fallback en — decides
// the language of every relative time, and cards said "16 minutes ago" on one load and "1 分钟前" on the next. This
// puts the language the Tasklist uses back after each locale file has been applied, and lets angular-moment
// redraw the times already shown.
const timeAngular = window.angular;
const timeBootstrap = timeAngular.bootstrap;

timeAngular.module('jixiao.timeLanguage', []).run(['$rootScope', '$translate', '$injector',
  function ($rootScope, $translate, $injector) {
    if (!$injector.has('amMoment')) {
      return;
    }
    const amMoment = $injector.get('amMoment');
    function follow() {
      const language = $translate.use() || $translate.proposedLanguage();
      if (language) {
        amMoment.changeLocale(language);
      }
    }
    $rootScope.$on('$translateLoadingSuccess', function () {
      setTimeout(function () {
        $rootScope.$applyAsync(follow);
      }, 0);
    });
    $rootScope.$on('$translateChangeSuccess', follow);
  }]);

timeAngular.bootstrap = function (element, modules, config) {
  return timeBootstrap.call(timeAngular, element, (modules || []).concat('jixiao.timeLanguage'), config);
};
