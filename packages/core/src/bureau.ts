// The bureau running this deployment, named as it signs its documents. After the provincial
// vertical-management reform the county bureau is a dispatched branch of the municipal one, hence
// "萍乡市上栗生态环境局" (reference.md §1), not "上栗县生态环境局" — one spelling, owned here.
export const BUREAU_NAME = '萍乡市上栗生态环境局';
/** The same bureau named in English, as the English pages name it. */
export const BUREAU_NAME_EN = 'Shangli Ecology and Environment Bureau, Pingxiang';
