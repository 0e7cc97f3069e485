/** Tables as the demo's committee report has them, for the Word layout's tests. */

export const LINK = 'https://example.com/foster-carers/support-group-register.xlsx';
export const FOSTER_CARERS =
  'Ensure that foster carers are able to access support groups and to contribute to the development of cared for children services';
const VISITS = 'Ensure that visits to children are clearly recorded and state whether the child has been seen alone';

/** Two rows of the appendix, every action's ten columns: a moved date, a long name, two sentences. */
export const APPENDIX = {
  headers: ['Ref', 'Theme', 'Action', 'Owner', 'Lead agency', 'Status', 'Due date', 'RAG', 'Days overdue', 'Measure'],
  rows: [
    [
      'LAC-3',
      'Looked after children',
      FOSTER_CARERS,
      'Alex Wilber',
      'Council',
      'Delayed',
      '16 Feb 2027 (first 5 Jan 2027)',
      'Red',
      '',
      '% of cared for children who know how to complain',
    ],
    [
      'SG-6',
      'Safeguarding services',
      `${VISITS} ${VISITS}`,
      'Patti Fernandez',
      'Partnership',
      'Not started',
      '5 Oct 2026',
      'Red',
      '56',
      "% of adult mental health staff trained in children's safeguarding",
    ],
  ],
};
