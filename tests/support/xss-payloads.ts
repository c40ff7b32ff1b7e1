/**
 * XSS payloads a rule file (or a host page's attribute) might carry: the
 * rule-file validation refuses each (tests/unit/xss.test.ts), and whatever
 * reaches the patient's summary file must stay text (tests/components/summary.test.tsx).
 */
// payload                                                   why it is here
export const PAYLOADS = [
  '<script>alert(1)</script>', //                            classic script tag
  '<ScRiPt >alert(1)</sCrIpT>', //                           mixed case
  '< script >alert(1)< /script >', //                        spaces inside the tag
  '</textarea><script>alert(1)</script>', //                 breaking out of a container
  '<img src=x onerror=alert(1)>', //                         event handler on an image
  '<svg/onload=alert(1)>', //                                svg without a space
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>', // MathML link
  '<iframe src="https://example.org"></iframe>', //          frames
  '<style>body{display:none}</style>', //                    style injection
  '<a href="https://example.org">book now</a>', //           even "harmless" HTML links
  '<!-- hidden -->', //                                      comments
  '<b>bold</b>', //                                          plain formatting tags too: use **strong**
  '" onmouseover="alert(1)', //                              attribute break-out
  "' onfocus='alert(1)' autofocus='", //                     single-quoted variant
  'x onclick = alert(1)', //                                 spaces around =
  '[click here](javascript:alert(1))', //                    markdown link to script
  '[click here](JaVaScRiPt:alert(1))', //                    mixed-case scheme
  '[click here]( javascript:alert(1))', //                   leading space
  'JaVaScRiPt:alert(1)', //                                  bare script URL
  'vbscript:msgbox(1)', //                                   old IE script URL
  '[x](vbscript:msgbox(1))', //                              …as a link
  'data:text/html,<p>hi</p>', //                             data URL with HTML
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', // base64 data URL
  '[x](data:image/svg+xml;base64,PHN2Zz4=)', //              data link of any kind
  '[x](javascript&colon;alert(1))', //                       entity-encoded scheme in a link
  '[x](//evil.example/)', //                                 protocol-relative link
  '[x](http://example.org/)', //                             plain http (only https:, tel:, mailto:)
  '[x](sms:741741)', //                                      sms: is for resource hrefs, not text links
];
