// The floor the benchmark compares each web part's first chunk with: the smallest web part that
// does what ours must do on its first screen — a Fluent UI v9 provider, a button and a field with
// an input, PnPjs reading a list's items, and zod checking what came back — with React and the
// SharePoint Framework as externals, bundled by the same webpack and minifier as the ship build.
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { Button, Field, FluentProvider, Input, webLightTheme } from '@fluentui/react-components';
import { spfi, SPFx } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { z } from 'zod';

const itemSchema = z.object({ Id: z.number(), Title: z.string().nullable() });

function Floor({ sp }) {
  const [title, setTitle] = React.useState('');
  const [items, setItems] = React.useState([]);
  const load = async () => {
    const raw = await sp.web.lists.getByTitle(title).items.select('Id', 'Title')();
    setItems(z.array(itemSchema).parse(raw));
  };
  return React.createElement(
    FluentProvider,
    { theme: webLightTheme },
    React.createElement(Field, { label: 'List' }, React.createElement(Input, { value: title, onChange: (_e, d) => setTitle(d.value) })),
    React.createElement(Button, { appearance: 'primary', onClick: () => void load() }, 'Load'),
    React.createElement('ul', null, ...items.map((i) => React.createElement('li', { key: i.Id }, i.Title)))
  );
}

export default class FloorWebPart extends BaseClientSideWebPart {
  render() {
    ReactDom.render(React.createElement(Floor, { sp: spfi().using(SPFx(this.context)) }), this.domElement);
  }
}
