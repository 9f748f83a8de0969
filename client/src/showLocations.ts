/**
 * `statusdoc.showLocations`: the command a handler's code lens runs, with its arguments as the server sends them
 * (plain JSON): shows the tests that call the handler in a peek view under the lens.
 */
import * as vscode from 'vscode';

interface JsonPosition {
  line: number;
  character: number;
}

interface JsonLocation {
  uri: string;
  range: { start: JsonPosition; end: JsonPosition };
}

export function showLocations(uri: string, position: JsonPosition, locations: JsonLocation[]): Thenable<unknown> {
  const toPosition = (p: JsonPosition) => new vscode.Position(p.line, p.character);
  return vscode.commands.executeCommand(
    'editor.action.peekLocations',
    vscode.Uri.parse(uri),
    toPosition(position),
    locations.map(
      (location) => new vscode.Location(vscode.Uri.parse(location.uri), new vscode.Range(toPosition(location.range.start), toPosition(location.range.end))),
    ),
    'peek',
  );
}
