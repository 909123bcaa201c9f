/* Dutch for the table editor's context menu. Wagtail hands Handsontable the admin language ("nl"),
   which Handsontable does not ship: without this dictionary it logs an error on every page with a
   table and shows English. Phrases left out fall back to English. */
(function () {
  "use strict";
  if (!window.Handsontable || !window.Handsontable.languages) {
    return;
  }
  var item = "ContextMenu:items.";
  var phrases = { languageCode: "nl" };
  phrases[item + "insertRowAbove"] = "Rij erboven invoegen";
  phrases[item + "insertRowBelow"] = "Rij eronder invoegen";
  phrases[item + "insertColumnOnTheLeft"] = "Kolom links invoegen";
  phrases[item + "insertColumnOnTheRight"] = "Kolom rechts invoegen";
  phrases[item + "removeRow"] = ["Rij verwijderen", "Rijen verwijderen"];
  phrases[item + "removeColumn"] = ["Kolom verwijderen", "Kolommen verwijderen"];
  phrases[item + "undo"] = "Ongedaan maken";
  phrases[item + "redo"] = "Opnieuw";
  phrases[item + "readOnly"] = "Alleen lezen";
  phrases[item + "clearColumn"] = "Kolom leegmaken";
  phrases[item + "copy"] = "Kopiëren";
  phrases[item + "cut"] = "Knippen";
  window.Handsontable.languages.registerLanguageDictionary(phrases);
})();
