// Jixiao: the task pane offers clerks, leaders and the finance bureau only the tabs that help them.
//
// The 流程图 (diagram) tab shows the BPMN model with its gateways and service tasks: it says nothing to a person
// drafting or reviewing a report (the form's header already says which step this is) and invites questions about
// engine internals. It stays for users who may open Cockpit (the administrators); for everyone else it is hidden.
const tabsAngular = window.angular;
const tabsBootstrap = tabsAngular.bootstrap;

tabsAngular.module('jixiao.taskTabs', []).run(['$rootScope', '$translate', function ($rootScope, $translate) {
  function administrator() {
    const apps = $rootScope.authentication && $rootScope.authentication.authorizedApps;
    return Array.isArray(apps) && apps.indexOf('cockpit') >= 0;
  }

  function hideDiagramTab() {
    if (administrator()) {
      return;
    }
    const label = $translate.instant('DIAGRAM');
    document.querySelectorAll('.tabbed-content .nav-tabs > li').forEach(function (tab) {
      const link = tab.querySelector('a');
      const text = link ? link.textContent.trim() : '';
      if ((text === label || text === 'Diagram' || text === '流程图') && tab.style.display !== 'none') {
        tab.style.display = 'none';
        tab.classList.add('jx-hidden-tab');
      }
    });
  }

  new MutationObserver(hideDiagramTab).observe(document.documentElement, { childList: true, subtree: true });
}]);

tabsAngular.bootstrap = function (element, modules, config) {
  return tabsBootstrap.call(tabsAngular, element, (modules || []).concat('jixiao.taskTabs'), config);
};
