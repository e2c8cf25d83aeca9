// Jixiao: 报送进度 in the Tasklist's header, next to the user menu, for everyone signed in. /board takes the finance
// bureau and administrators to the year's board and a unit's clerks and leaders to 本单位绩效自评; both read the
// Tasklist's own session, so no second sign-in. A plugin of the header's navbar action point (tasklist.navbar.action).
export default {
  id: 'jixiao.boardLink',
  pluginPoint: 'tasklist.navbar.action',
  priority: 10,
  render: function (node) {
    var link = document.createElement('a');
    link.href = '/board';
    link.id = 'jixiao-board-link';
    link.textContent = '报送进度';
    link.setAttribute('title', '报送进度与汇总表（财政局）· 本单位绩效自评（预算单位）');
    node.appendChild(link);
  }
};
