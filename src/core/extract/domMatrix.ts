/**
 * A minimal 2-D `DOMMatrix` for pdf.js in the analysis worker thread. pdf.js' legacy build creates one when its
 * module loads and takes the class from `@napi-rs/canvas` when the global is missing; the packaged extension has
 * no node_modules (and needs no canvas: the worker only reads text), so this stands in. Installed only when
 * there is no DOMMatrix yet.
 */
class MinimalDOMMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: ArrayLike<number> | MinimalDOMMatrix) {
    if (init && 'length' in init && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = Array.from(init).slice(0, 6);
    else if (init instanceof MinimalDOMMatrix) this.setMatrixValue(init);
  }

  get is2D(): boolean {
    return true;
  }

  get isIdentity(): boolean {
    return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0;
  }

  private setMatrixValue(m: MinimalDOMMatrix): this {
    this.a = m.a;
    this.b = m.b;
    this.c = m.c;
    this.d = m.d;
    this.e = m.e;
    this.f = m.f;
    return this;
  }

  /** this = this × m */
  multiplySelf(m: MinimalDOMMatrix | ArrayLike<number>): this {
    const o = m instanceof MinimalDOMMatrix ? m : new MinimalDOMMatrix(m);
    const { a, b, c, d, e, f } = this;
    this.a = a * o.a + c * o.b;
    this.b = b * o.a + d * o.b;
    this.c = a * o.c + c * o.d;
    this.d = b * o.c + d * o.d;
    this.e = a * o.e + c * o.f + e;
    this.f = b * o.e + d * o.f + f;
    return this;
  }

  /** this = m × this */
  preMultiplySelf(m: MinimalDOMMatrix | ArrayLike<number>): this {
    const o = new MinimalDOMMatrix(m instanceof MinimalDOMMatrix ? [m.a, m.b, m.c, m.d, m.e, m.f] : m);
    return this.setMatrixValue(o.multiplySelf(this));
  }

  translateSelf(x = 0, y = 0): this {
    return this.multiplySelf([1, 0, 0, 1, x, y]);
  }

  scaleSelf(sx = 1, sy = sx): this {
    return this.multiplySelf([sx, 0, 0, sy, 0, 0]);
  }

  invertSelf(): this {
    const { a, b, c, d, e, f } = this;
    const det = a * d - b * c;
    if (!det) {
      this.a = this.b = this.c = this.d = this.e = this.f = NaN;
      return this;
    }
    this.a = d / det;
    this.b = -b / det;
    this.c = -c / det;
    this.d = a / det;
    this.e = (c * f - d * e) / det;
    this.f = (b * e - a * f) / det;
    return this;
  }

  multiply(m: MinimalDOMMatrix | ArrayLike<number>): MinimalDOMMatrix {
    return new MinimalDOMMatrix(this).multiplySelf(m);
  }

  translate(x = 0, y = 0): MinimalDOMMatrix {
    return new MinimalDOMMatrix(this).translateSelf(x, y);
  }

  scale(sx = 1, sy = sx): MinimalDOMMatrix {
    return new MinimalDOMMatrix(this).scaleSelf(sx, sy);
  }

  inverse(): MinimalDOMMatrix {
    return new MinimalDOMMatrix(this).invertSelf();
  }

  transformPoint(p: { x?: number; y?: number } = {}): { x: number; y: number; z: number; w: number } {
    const x = p.x ?? 0;
    const y = p.y ?? 0;
    return { x: this.a * x + this.c * y + this.e, y: this.b * x + this.d * y + this.f, z: 0, w: 1 };
  }
}

export function installDOMMatrix(): void {
  const g = globalThis as { DOMMatrix?: unknown };
  if (!g.DOMMatrix) g.DOMMatrix = MinimalDOMMatrix;
}
