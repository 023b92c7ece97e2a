/* The Swedish texts Decap CMS's own Swedish translation lacks (a test lists the English keys it misses). */
window.StodguidenSvenska = {
  auth: { loginWithForgejo: "Logga in med Forgejo" },
  collection: {
    collectionTop: { viewAsList: "Visa som lista", viewAsGrid: "Visa som rutnät" },
    entries: { unpublishedHeader: "Ej publicerade" },
  },
  editor: {
    editorControl: { field: { widgetLabel: "Fältet %{widgetLabel}" } },
    editorControlPane: {
      i18n: {
        copyFromLocale: "Fyll i från ett annat språk",
        copyFromLocaleConfirm: "Vill du fylla i från %{locale}?\nAllt som står här nu skrivs över.",
      },
    },
    editorInterface: { toggleNotes: "Visa eller dölj anteckningar" },
    editorNotesPane: {
      title: "Anteckningar",
      emptyState: "Inga anteckningar än. Skriv den första här nedanför.",
      addNote: "Lägg till anteckning",
      addPlaceholder: "Skriv en anteckning …",
      editPlaceholder: "Ändra anteckningen …",
      save: "Spara",
      cancel: "Avbryt",
      edit: "Ändra",
      delete: "Ta bort",
      resolve: "Markera som klar",
      unresolve: "Markera som inte klar",
      confirmDelete: "Vill du ta bort anteckningen?",
      shortcut: "Tips: tryck Ctrl+Enter för att lägga till anteckningen",
    },
    editorToolbar: {
      statusInfoTooltipDraft: "Ändringen är ett utkast. Ändra status till ”Granskas” när den är klar att granska.",
      statusInfoTooltipInReview: "Ändringen granskas. Du behöver inte göra något, men du kan fortfarande ändra.",
    },
    editorWidgets: {
      markdown: {
        strikethrough: "Genomstruken",
        toggleMode: { rich: "Byt till formaterad text", markdown: "Byt till Markdown" },
      },
      image: { chooseMultiple: "Välj bilder", addMore: "Lägg till fler bilder", removeAll: "Ta bort alla bilder" },
      file: { chooseMultiple: "Välj filer", addMore: "Lägg till fler filer", removeAll: "Ta bort alla filer" },
      datetime: { setToNow: "Sätt %{fieldLabel} till nu" },
      list: { add: "Lägg till %{item}", addType: "Lägg till %{item}" },
      object: { expand: "Visa", collapse: "Dölj" },
    },
  },
  mediaLibrary: { mediaLibraryModal: { close: "Stäng" } },
  ui: {
    settingsDropdown: { account: "Konto" },
    toast: {
      noteAdded: "Anteckningen är tillagd",
      onFailToAddNote: "Anteckningen gick inte att lägga till: %{details}",
      noteUpdated: "Anteckningen är ändrad",
      onFailToUpdateNote: "Anteckningen gick inte att ändra: %{details}",
      noteDeleted: "Anteckningen är borttagen",
      onFailToDeleteNote: "Anteckningen gick inte att ta bort: %{details}",
      noteResolved: "Anteckningen är markerad som klar",
      noteReopened: "Anteckningen är öppen igen",
      onFailToToggleNote: "Anteckningen gick inte att ändra: %{details}",
    },
  },
};

/* Texts of Decap's Swedish translation said more plainly, or with a sign every font has; these win. */
window.StodguidenSvenskaEgna = {
  // the button's name is its visible text (WCAG 2.5.3), without Decap's ＋, which many fonts lack
  collection: {
    collectionTop: { newButton: "Nytt %{collectionLabel}", newButtonAriaLabel: "Nytt %{collectionLabel}" },
  },
  ui: {
    toast: {
      missingRequiredField: "Ett fält som behövs är tomt. Fyll i det och spara igen.",
    },
  },
};
