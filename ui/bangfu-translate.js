// The translate service of bpmn-js and dmn-js for a dictionary sent by the server (English source text ->
// translated text): the dictionary's text for the English template, then its {placeholders} filled in.
export function translator(translations) {
  return (template, replacements) => {
    const text = (translations && translations[template]) || template;
    return text.replace(/{([^}]+)}/g, (placeholder, key) => {
      const value = replacements && replacements[key];
      return value === undefined || value === null ? placeholder : String(value);
    });
  };
}
