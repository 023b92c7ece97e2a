/* Loaded before decap-cms.js: start.js starts the form once the file format and Swedish texts are registered. */
window.CMS_MANUAL_INIT = true;
