/**
 * IPTC ninjs 2.2 ("News in JSON"), typed from the specification
 * (https://www.iptc.org/std/ninjs/, ninjs-schema_2.2.json). Only the object shapes
 * are typed here; the official schema is the conformance check (`.ci/run`).
 * Property names are the specification's (2.x is all lower case).
 */

export type NinjsType = 'text' | 'audio' | 'video' | 'picture' | 'graphic' | 'composite' | 'component';
export type NinjsPubStatus = 'usable' | 'withheld' | 'canceled';

export interface NinjsText {
  role?: string;
  contenttype?: string;
  value: string;
}

export interface NinjsBody extends NinjsText {
  charcount?: number;
  wordcount?: number;
}

export interface NinjsContactInfo {
  type?: string;
  role?: string;
  lang?: string;
  name?: string;
  value?: string;
}

export interface NinjsEntity {
  name?: string;
  rel?: string;
  /** Absolute URI (format "uri"). */
  uri?: string;
  literal?: string;
  contactinfo?: NinjsContactInfo[];
}

export interface NinjsOrganisation extends NinjsEntity {
  symbols?: Array<{ ticker?: string; exchange?: string; symboltype?: string; symbol?: string }>;
}

export interface NinjsSubject {
  name?: string;
  rel?: string;
  uri?: string;
  literal?: string;
  creator?: string;
  relevance?: number;
  confidence?: number;
}

export interface NinjsInfoSource {
  name?: string;
  role?: string;
  uri?: string;
  literal?: string;
  contactinfo?: NinjsContactInfo[];
}

export interface NinjsRendition {
  name: string;
  href?: string;
  contenttype?: string;
  title?: string;
  height?: number;
  width?: number;
  sizeinbytes?: number;
  duration?: number;
  format?: string;
}

export interface NinjsAltId {
  role?: string;
  value?: string;
}

export interface NinjsGenre {
  name?: string;
  uri?: string;
  literal?: string;
}

/** A ninjs 2.2 news item. `uri` is the only required property. */
export interface Ninjs22 {
  uri: string;
  type?: NinjsType;
  representationtype?: 'full' | 'partial';
  profile?: string;
  version?: string;
  firstcreated?: string;
  versioncreated?: string;
  contentcreated?: string;
  embargoed?: string;
  pubstatus?: NinjsPubStatus;
  urgency?: number;
  copyrightholder?: string;
  copyrightnotice?: string;
  usageterms?: string;
  ednote?: string;
  language?: string;
  descriptions?: NinjsText[];
  bodies?: NinjsBody[];
  headlines?: NinjsText[];
  people?: NinjsEntity[];
  organisations?: NinjsOrganisation[];
  places?: NinjsEntity[];
  subjects?: NinjsSubject[];
  events?: NinjsEntity[];
  objects?: NinjsEntity[];
  infosources?: NinjsInfoSource[];
  title?: string;
  by?: string;
  slugline?: string;
  located?: string;
  renditions?: NinjsRendition[];
  associations?: Array<Ninjs22 & { name: string }>;
  altids?: NinjsAltId[];
  genres?: NinjsGenre[];
  expires?: string;
}
