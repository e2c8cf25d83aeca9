// Jixiao: the charts of the board (报送进度), drawn with Apache ECharts served from this application's jar
// (/webjars/echarts/…), from the data the page carries in <script id="board-data">. SVG renderer, so the charts
// stay sharp when printed; each chart element gets data-drawn="true" once drawn (the browser test waits for it).
(function () {
  'use strict';
  var GRADE_COLORS = { '优': '#2e8b57', '良': '#5b8ff9', '中': '#f6bd16', '差': '#e8684a' };

  function draw(id, option) {
    var element = document.getElementById(id);
    if (!element) {
      return;
    }
    var chart = window.echarts.init(element, null, { renderer: 'svg' });
    chart.setOption(option);
    element.setAttribute('data-drawn', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function start() {
    var source = document.getElementById('board-data');
    if (!source || !window.echarts) {
      return;
    }
    var data = JSON.parse(source.textContent);
    var s = data.submissions;
    if (s) draw('chart-submissions', {
      tooltip: { trigger: 'axis' },
      legend: { data: ['当日报送', '累计报送'] },
      grid: { left: 40, right: 40, bottom: 50 },
      xAxis: { type: 'category', data: s.days },
      yAxis: [{ type: 'value', name: '当日', minInterval: 1 }, { type: 'value', name: '累计', max: s.units, minInterval: 1 }],
      dataZoom: s.days.length > 60 ? [{ type: 'slider', start: 100 - Math.round(6000 / s.days.length) }] : [],
      series: [
        { name: '当日报送', type: 'bar', data: s.counts, itemStyle: { color: '#5b8ff9' },
          markLine: { symbol: 'none', lineStyle: { color: '#a94442', type: 'dashed' },
            label: { formatter: '截止 ' + s.deadline }, data: [{ xAxis: s.deadline }] } },
        { name: '累计报送', type: 'line', yAxisIndex: 1, data: s.cumulative, showSymbol: false, itemStyle: { color: '#2e8b57' } }
      ]
    });
    var sc = data.scores;
    if (sc) draw('chart-scores', {
      tooltip: { trigger: 'axis', formatter: function (p) {
        var i = p[0].dataIndex;
        return p[0].name + ' 分：' + p[0].value + ' 个单位' + (sc.grades[i] ? '（' + sc.grades[i] + '）' : '');
      } },
      grid: { left: 40, right: 20, bottom: 50 },
      xAxis: { type: 'category', data: sc.labels, axisLabel: { rotate: 45 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: '单位数', data: sc.counts.map(function (count, i) {
        return { value: count, itemStyle: { color: GRADE_COLORS[sc.grades[i]] || '#9e9e9e' } };
      }) }]
    });
    var g = data.grades;
    if (g) draw('chart-grades', {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: g.grades },
      grid: { left: 40, right: 20, bottom: 10, containLabel: true },
      xAxis: { type: 'category', data: g.supervisors, axisLabel: { rotate: 30, interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      dataZoom: g.supervisors.length > 12 ? [{ type: 'slider', start: 0, end: Math.round(1200 / g.supervisors.length) }] : [],
      series: g.grades.map(function (grade) {
        return { name: grade, type: 'bar', stack: 'grade', data: g.series[grade], itemStyle: { color: GRADE_COLORS[grade] } };
      })
    });
    var trend = data.trend;
    if (trend) {
      draw('chart-trend', {
        tooltip: { trigger: 'axis' },
        grid: { left: 40, right: 20, bottom: 30 },
        xAxis: { type: 'category', data: trend.years },
        yAxis: { type: 'value', min: 0, max: 100 },
        series: [{ type: 'line', name: '总分', data: trend.scores, label: { show: true }, itemStyle: { color: '#2e6da4' } }]
      });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
