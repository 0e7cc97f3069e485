import { acronymsIn, unexplainedAcronyms, validateGlossary } from '../../src/domain/plain-english';

describe('finding acronyms the committee would have to look up', () => {
  test.each([
    ['Transitions from CAMHS into adult services', ['CAMHS']],
    ['Increase awareness of the CiCC amongst cared for children', ['CiCC']],
    ['The PCTs and the DfE agree', ['PCT', 'DfE']],
    ['Ask McDonald about the iPhone', []],
    ['The NHS and IT teams in the UK', ['NHS', 'IT', 'UK']],
    ['Plain English only', []],
    ['The work was merged into SG-3 and LAC-6.2', []],
    ['See the CAMHS-2 list', []],
    ['CAMHS-led work', ['CAMHS']],
  ])('%j', (text, expected) => expect(acronymsIn(text)).toEqual(expected));

  test('well-known abbreviations and glossary terms need no explanation; others are listed with their refs', () => {
    const warnings = unexplainedAcronyms(
      [
        { ref: 'SG-9', text: 'From CAMHS and the NHS' },
        { ref: 'SG-12', text: 'CESC and CAMHS' },
        { ref: 'LAC-2', text: 'The CiCC' },
      ],
      ['cicc'],
    );
    expect(warnings).toEqual([
      { acronym: 'CAMHS', refs: ['SG-9', 'SG-12'] },
      { acronym: 'CESC', refs: ['SG-12'] },
    ]);
  });
});

describe('glossary files', () => {
  test('a heading row is optional and blank rows are skipped', () => {
    expect(
      validateGlossary([
        ['Term', 'Meaning'],
        ['CAMHS', 'Child and adolescent mental health services'],
        ['', ''],
      ]),
    ).toEqual({
      entries: [{ term: 'CAMHS', meaning: 'Child and adolescent mental health services' }],
      errors: [],
    });
  });

  test('a term without a meaning is an error naming the row', () => {
    expect(validateGlossary([['CAMHS', '']]).errors).toEqual(['Glossary row 1: needs both a term and its meaning.']);
  });
});
