/**
 * The ribbon's function file. The only ribbon button opens the task pane (ShowTaskpane needs no
 * code), but Office loads this page for every add-in with commands, so it must initialise Office.
 */
Office.onReady(() => {
  // Nothing to register: every action lives in the task pane.
});
