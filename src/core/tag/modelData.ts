/** The trained model, in a module of its own so that it is read on first use (see index.ts), not at start-up. */
import model from './model.json';
import type { TaggerModelFile } from './model';

export default model as unknown as TaggerModelFile;
