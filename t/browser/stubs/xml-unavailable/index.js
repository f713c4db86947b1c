// node-open311 requires sparkxml and xml2json when it loads, and calls them
// only for format 'xml'.  open311-client.mjs runs the client in JSON mode
// (the XML answers are read as FixMyStreet reads them, in
// t/http/82-open311-fixmystreet.t); a call here means the test asked for XML.
'use strict';
function unavailable() {
    throw new Error('node-open311 XML mode is not installed here: use format "json"');
}
module.exports = { parseXml: unavailable, toJson: unavailable };
