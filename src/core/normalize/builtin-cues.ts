// The word lists the original normalizer embeds in its code (SPEC_APPENDIX A.1–A.9). They apply even with no
// vocabulary, and are unioned with the ruleset's token map (the vocab can add words, not remove these).

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

export const BUILTIN_STOPWORDS = words(
  'the and of for set pack stl model models mini minis figure figures files printing print heroes infinite heroes_infinite',
);

/** A.2 with the historic family map: token → family key. */
export const BUILTIN_LINEAGE_FAMILY: ReadonlyMap<string, string> = (() => {
  const families: Record<string, string> = {
    elf: 'elf elves aelf aelves',
    human: 'human humans man men',
    dwarf: 'dwarf dwarves duardin',
    orc: 'orc orcs ork orks orruk orruks',
    undead: 'undead skeleton skeletons ghoul ghouls zombie zombies wight wights',
    demon: 'demon daemon daemons demons',
    goblin: 'goblin goblins grot grots',
    halfling: 'halfling halflings hobbit hobbits',
    lizardfolk: 'lizardfolk lizardman lizardmen saurus',
    dragonkin: 'dragonborn draconian drake',
    vampire: 'vampire vampires vampiric',
    ratfolk: 'ratfolk',
    kobold: 'kobold kobolds',
  };
  const m = new Map<string, string>();
  for (const [family, list] of Object.entries(families)) for (const t of list.split(' ')) m.set(t, family);
  return m;
})();

export const BUILTIN_FACTION_HINTS = words(
  'stormcast custodes tau aeldari eldar nurgle tzeentch slaanesh khorne necron tyranid ork orks guard astra sororitas votann skaven lumineth seraphon',
);

export const BUILTIN_SEGMENTATION: ReadonlyMap<string, 'split' | 'merged'> = new Map([
  ...[...words('split parts multi-part multi_part part')].map((t) => [t, 'split'] as const),
  ...[...words('onepiece one_piece merged solidpiece')].map((t) => [t, 'merged'] as const),
]);
export const BUILTIN_INTERNAL_VOLUME: ReadonlyMap<string, 'hollowed' | 'solid'> = new Map([
  ['hollow', 'hollowed'],
  ['hollowed', 'hollowed'],
  ['solid', 'solid'],
]);
export const BUILTIN_SUPPORT_STATE: ReadonlyMap<string, 'presupported' | 'supported' | 'unsupported'> = new Map([
  ['presupported', 'presupported'],
  ['pre-supported', 'presupported'],
  ['pre_supported', 'presupported'],
  ['supported', 'supported'],
  ['unsupported', 'unsupported'],
  ['no_supports', 'unsupported'],
  ['clean', 'unsupported'],
]);
export const BUILTIN_PART_PACK: ReadonlyMap<string, 'bust_only' | 'base_only' | 'accessory'> = new Map([
  ['bust', 'bust_only'],
  ...[...words('base_pack bases_only base_set')].map((t) => [t, 'base_only'] as const),
  ...[...words('bits bitz accessories')].map((t) => [t, 'accessory'] as const),
]);
export const BUILTIN_BUST_WORDS = words('bust');

export const BUILTIN_TABLETOP_HINTS = words(
  'mini miniature miniatures terrain scenery base bases bust miniaturesupports support church decor mm scale mini_supports squad',
);
export const BUILTIN_AMBIGUOUS_ALIASES = words(
  'angel sakura ivy priestess priest warrior knight mage wizard witch sorceress sorcerer monk druid paladin barbarian assassin archer ranger fighter cleric shaman necromancer acolyte bishop guard soldier captain commander general queen king princess prince empress emperor lord lady hero heroine',
);
export const BUILTIN_PC_POSITIVE = words('hero rogue wizard fighter paladin cleric barbarian ranger sorcerer warlock bard');
export const BUILTIN_PC_NEGATIVE = words('horde swarm minion mob unit regiment');
export const BUILTIN_MONSTER_TERMS = words('dragon troll ogre beholder hydra');
export const BUILTIN_NSFW_STRONG = words('nude naked topless nsfw lewd futa');
export const BUILTIN_NSFW_WEAK = words('sexy pinup pin-up lingerie 瑟瑟妹子 瑟瑟');
export const BUILTIN_INTENDED_USE: ReadonlyMap<string, 'tabletop_intent' | 'display_large' | 'mixed'> = new Map([
  ...[...words('tabletop gaming game')].map((t) => [t, 'tabletop_intent'] as const),
  ...[...words('display showcase gallery')].map((t) => [t, 'display_large'] as const),
  ['mixed', 'mixed'],
]);
export const BUILTIN_GENERAL_FACTION: ReadonlyMap<string, string> = new Map([
  ...[...words('chaos khorne slaanesh nurgle tzeentch')].map((t) => [t, 'chaos'] as const),
  ['order', 'order'],
  ...[...words('death deathrattle soulblight')].map((t) => [t, 'death'] as const),
  ['destruction', 'destruction'],
]);
/** quick_scan's embedded designer aliases (A.5): never residual even when no vocab names them. */
export const BUILTIN_DESIGNER_TOKENS = words(
  'ghamak ghmk ghamak_studio rn_estudio rn-estudio rnestudio archvillain arch_villain archvillain_games avg puppetswar puppets_war tinylegend azerama hybris hybris_studio moxomor mezgike momoji momoji3d 3dmomoji moonfigures 3dmoonn funservicestl pikky pikky_prints esm',
);
/** Distribution channels recognised as designer aliases but never assigned. */
export const NEVER_ASSIGNED_DESIGNERS = words('moxomor');

// A.9 lineage context sets.
export const SPACE_MARINE_HINTS = words(
  "primaris astartes adeptus templar templars black black_templar black_templars emperor champion emperor's purity seal seals purity_seal purity_seals space marine marines space_marine space_marines bayard bayards bayard's",
);
export const ACTION_VERBS = words('kill killing slay slaying vs versus against defeating beating revenge');
export const ORK_SUBJECT_HINTS = words('nob warboss boy boys slugga choppa grot grots gretchin');
export const ORK_TOKENS = words('ork orc orcs orks');
export const RAT_STRONG = words('rat ratkin ratmen ratman ratogre ratogres rodent rodents vermin vermins');
export const RAT_WEAK = words('gnaw gnawnine fang fangs claw claws scratch scratchfang whisker whiskers tail tails screecher swarm');
export const UNDEAD_HINTS = words('undead vampire vampires vampiric wight wights skeleton skeletons tomb tombshade necropolis damnation ark');

export const ALLOWED_DENOMINATORS: ReadonlySet<number> = new Set([4, 6, 7, 9, 10, 12]);
export const SUSPECT_DENOMINATORS: ReadonlySet<number> = new Set([5, 8, 11]);
