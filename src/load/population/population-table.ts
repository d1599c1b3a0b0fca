/**
 * Population cells as columns of typed arrays: a national 100 m grid has about a million
 * populated cells, and a million small objects cost several times the memory and time of five
 * flat arrays. Readers append cells; the table grows by doubling.
 */
export class PopulationTable {
  count = 0;
  lat: Float64Array;
  lon: Float64Array;
  population: Float64Array;

  constructor(capacity = 1024) {
    this.lat = new Float64Array(capacity);
    this.lon = new Float64Array(capacity);
    this.population = new Float64Array(capacity);
  }

  push(lat: number, lon: number, population: number): void {
    if (this.count === this.lat.length) this.grow();
    this.lat[this.count] = lat;
    this.lon[this.count] = lon;
    this.population[this.count] = population;
    this.count++;
  }

  total(): number {
    let t = 0;
    for (let i = 0; i < this.count; i++) t += this.population[i]!;
    return t;
  }

  private grow(): void {
    const n = this.lat.length * 2;
    const copy = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    this.lat = copy(this.lat);
    this.lon = copy(this.lon);
    this.population = copy(this.population);
  }
}

/** What a reader saw, before clipping to the country: every cell is counted in exactly one bucket. */
export interface ReadStats {
  /** Cells (raster pixels, H3 hexagons, rows) in the file. */
  cells: number;
  /** Cells marked nodata (or not a number, or negative). */
  nodata: number;
  /** Cells with a population of 0. */
  empty: number;
  /** Cells with people: the ones kept. */
  populated: number;
}
