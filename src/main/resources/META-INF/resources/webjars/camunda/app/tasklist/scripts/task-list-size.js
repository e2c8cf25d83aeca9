// Jixiao: the task list shows up to 50 cards a page, not 15.
//
// The Tasklist asks for its task list 15 at a time (taskListQuery's maxResults is fixed in the Tasklist), so a clerk
// with the six sections of two or three reports had to page to find a task. This decorates the Tasklist's data
// service so that the query asks for 50 a page; the pager follows, since it takes its page size from the query.
const sizeAngular = window.angular;
const sizeBootstrap = sizeAngular.bootstrap;
const PAGE_SIZE = 50;

sizeAngular.module('jixiao.taskListSize', []).config(['$provide', function ($provide) {
  $provide.decorator('dataDepend', ['$delegate', function ($delegate) {
    const create = $delegate.create;
    $delegate.create = function () {
      const data = create.apply(this, arguments);
      const provide = data.provide;
      data.provide = function (name, factory) {
        if (name === 'taskListQuery' && Array.isArray(factory) && typeof factory[factory.length - 1] === 'function') {
          const build = factory[factory.length - 1];
          factory = factory.slice(0, -1).concat([function () {
            const query = build.apply(this, arguments);
            if (query && query.maxResults) {
              const page = Math.round(query.firstResult / query.maxResults) + 1;
              query.maxResults = PAGE_SIZE;
              query.firstResult = PAGE_SIZE * (page - 1);
            }
            return query;
          }]);
        }
        return provide.call(this, name, factory);
      };
      return data;
    };
    return $delegate;
  }]);
}]);

sizeAngular.bootstrap = function (element, modules, config) {
  return sizeBootstrap.call(sizeAngular, element, (modules || []).concat('jixiao.taskListSize'), config);
};
