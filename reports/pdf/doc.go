// Package pdf prints the council report to an A4 PDF through a headless
// Chromium-based browser (Chromium, Google Chrome or Microsoft Edge), so
// the city gets the same pages a member would print from the browser.
//
// It owns finding the browser, the flags it runs with, and writing the
// PDF atomically (a temporary file renamed into place). It must not render
// or change the report (reports/report does), read flags or environment
// variables beyond the PATH lookup of the browser, or let the browser
// reach the network: the report needs nothing from elsewhere, so every
// host name is made unresolvable.
package pdf
