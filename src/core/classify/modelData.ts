/** The trained models, in a module of its own so that they are read on first use (see models.ts). */
import model from './model.json';
import type { ClassifierModelFile } from './learned';

export default model as unknown as ClassifierModelFile;
