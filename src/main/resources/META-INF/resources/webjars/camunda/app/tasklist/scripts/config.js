/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// Jixiao override of the Camunda 7.24.0 webapp file of the same path (see docs/LOCALE.md).
// Changes against the original: the "locales" block below is active and offers 'zh'; the app block names the product.
// A browser whose first preferred language is Chinese (zh, zh-CN, zh-TW, ...) gets
// locales/zh.json; every other browser gets the fallback locale 'en'.

export default {
  // Jixiao: the product's own name in the header and the browser tab, not "Camunda Tasklist".
  app: {
    name: '绩效自评',
    vendor: '部门整体支出'
  },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },
  // Jixiao: keeps 完成 usable on forms with dynamic lists (see scripts/form-validity.js), and gives the texts
  // form-js writes itself in Chinese for Chinese browsers (see scripts/form-texts-zh.js), and claims an opened task
  // for its user (see scripts/auto-claim.js), and lets number fields take numbers as people type them, never
  // changing one silently (see scripts/number-input.js), keeps relative times in the Tasklist's language (see
  // scripts/time-language.js), shows the 流程图 tab to administrators only (see scripts/task-tabs.js), and lists up
  // to 50 tasks a page (see scripts/task-list-size.js), and links 报送进度 in the header (see scripts/board-link.js), and
  // opens forms without re-rendering them once per filled number field (see scripts/form-speed.js).
  customScripts: ['scripts/form-speed', 'scripts/form-validity', 'scripts/form-texts-zh', 'scripts/auto-claim', 'scripts/number-input',
    'scripts/time-language', 'scripts/task-tabs', 'scripts/task-list-size', 'scripts/board-link'],
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
