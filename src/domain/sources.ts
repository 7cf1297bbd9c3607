/**
 * The five NHS involvement toolkits the product is built from (`shared/seeds/`).
 * Every figure and list in the domain names the source it comes from, so an involvement
 * officer can check the product against the guidance their organisation follows.
 */
export const SOURCES = {
  LSC: {
    file: '000_cc3e12bd9deaa04d.txt',
    title: 'Lancashire and South Cumbria ICB engagement, involvement and co-production framework'
  },
  PC: {
    file: '001_07104154e26da013.txt',
    title: 'Provider collaborative engagement guide (with communications and engagement plan template)'
  },
  NENC: {
    file: '002_0967bafa484c3127.txt',
    title: 'North East and North Cumbria ICB involvement toolkit (March 2024)'
  },
  TRUST: {
    file: '003_09d8e5c63f236038.txt',
    title: 'NHS trust stakeholder engagement toolkit'
  },
  SUF: {
    file: '004_e15084c803e55c01.txt',
    title: 'Suffolk CCGs "Working Together" framework'
  }
} as const;

/** Short name of a source toolkit, e.g. `NENC`. */
export type SourceId = keyof typeof SOURCES;
