import type { Schema, Struct } from '@strapi/strapi';

export interface StoryCorrection extends Struct.ComponentSchema {
  collectionName: 'components_story_corrections';
  info: {
    description: 'A public note on what changed after publication. Once published it stays: later versions may add corrections, never remove, reorder or rewrite one.';
    displayName: 'Correction';
    icon: 'pencil';
  };
  attributes: {
    issuedAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    kind: Schema.Attribute.Enumeration<['correction', 'clarification', 'update']> & Schema.Attribute.Required & Schema.Attribute.DefaultTo<'correction'>;
    text: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
  };
}

export interface StoryFigure extends Struct.ComponentSchema {
  collectionName: 'components_story_figures';
  info: {
    description: 'A number the story reports, with what it counts. `qualifier` keeps "more than 2,100" distinct from "2,100".';
    displayName: 'Figure';
    icon: 'chartBubble';
  };
  attributes: {
    label: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    qualifier: Schema.Attribute.Enumeration<['exact', 'approximately', 'more_than', 'less_than', 'up_to']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'exact'>;
    unit: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    value: Schema.Attribute.Decimal & Schema.Attribute.Required;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'story.correction': StoryCorrection;
      'story.figure': StoryFigure;
    }
  }
}
