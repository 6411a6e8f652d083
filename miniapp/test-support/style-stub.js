// CSS imports of components are irrelevant in jsdom.
module.exports = {};
