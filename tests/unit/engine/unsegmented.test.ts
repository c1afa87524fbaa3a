/**
 * Scripts written without spaces: Chinese names spelled out in name characters and cut
 * by the platform's segmenter (segment.ts), Japanese names joined by ・, and amounts
 * scaled by 万/亿/億 (scaled.ts). The article below is written for this test (not from
 * any corpus): a French original, its Chinese and Japanese translations, and a Chinese
 * article on another port's story.
 */
import { describe, expect, it } from 'vitest';
import { decide, fingerprintArticle, toStored } from '@/utils/engine';
import { canonicalName, coarseName, readAnchors } from '@/utils/engine/anchors';
import { scaledDigits } from '@/utils/engine/scaled';
import { segmentParagraph } from '@/utils/engine/segment';

const french = {
  title: "Le port de Rotterdam investit 2,5 milliards d'euros dans l'hydrogène",
  lang: 'fr',
  paragraphs: [
    "Le port de Rotterdam, le plus grand d'Europe, a annoncé mardi un plan de 2,5 milliards d'euros pour produire de l'hydrogène vert d'ici 2030, a déclaré son directeur Allard Castelein.",
    'Le projet, mené avec la société Shell et le groupe allemand Thyssenkrupp, doit créer 4 800 emplois aux Pays-Bas et réduire de 35 % les émissions du port.',
    "« Nous voulons devenir la porte d'entrée de l'hydrogène pour toute l'Europe », a expliqué Allard Castelein lors d'une conférence de presse à Amsterdam.",
    'Selon Bruxelles, la Commission européenne pourrait financer 18 % du projet. La Norvège et le Danemark ont déjà signé des accords similaires en 2021.',
    'Les premiers électrolyseurs, d’une puissance de 200 mégawatts, seront installés en 2025 sur le site de Maasvlakte, a précisé Castelein.',
  ],
};

const chinese = {
  title: '鹿特丹港投资25亿欧元发展氢能',
  lang: 'zh',
  paragraphs: [
    '欧洲最大港口鹿特丹港周二宣布一项25亿欧元的计划，将在2030年前生产绿色氢气，港口总裁阿拉德·卡斯特莱因表示。',
    '该项目将与壳牌公司和德国蒂森克虏伯集团合作实施，预计在荷兰创造4800个就业岗位，并使港口排放减少35%。',
    '卡斯特莱因在阿姆斯特丹举行的新闻发布会上说：“我们希望成为整个欧洲的氢能门户。”',
    '据布鲁塞尔方面称，欧盟委员会可能为该项目提供18%的资金。挪威和丹麦已于2021年签署了类似协议。',
    '卡斯特莱因说，首批功率为200兆瓦的电解槽将于2025年在马斯弗拉克特安装。',
  ],
};

const japanese = {
  title: 'ロッテルダム港、水素に25億ユーロを投資',
  lang: 'ja',
  paragraphs: [
    '欧州最大の港であるロッテルダム港は火曜日、2030年までにグリーン水素を生産するため25億ユーロを投じる計画を発表した。同港のアラード・カステライン最高経営責任者が明らかにした。',
    'この事業はシェルとドイツのティッセンクルップと共同で進められ、オランダで4800人の雇用を生み、港の排出量を35%削減する見込みだ。',
    'カステライン氏はアムステルダムでの記者会見で「欧州全体の水素の玄関口になりたい」と述べた。',
    'ブリュッセルによると、欧州委員会は事業費の18%を拠出する可能性がある。ノルウェーとデンマークは2021年に同様の協定に署名している。',
    '出力200メガワットの最初の電解装置は2025年にマースフラクテに設置されると、カステライン氏は述べた。',
  ],
};

// The same topic, another story: Hamburg's port, other people, other figures.
const otherStory = {
  title: '汉堡港计划扩建集装箱码头',
  lang: 'zh',
  paragraphs: [
    '德国汉堡港周四表示，将投资6亿欧元扩建集装箱码头，以应对来自亚洲的货运增长，港口发言人扬·米勒说。',
    '扩建工程预计于2027年完工，届时码头年吞吐能力将提高12%。',
    '米勒表示，港口还在与中国和新加坡的航运公司商谈长期合同。',
  ],
};

const names = (text: string) => readAnchors([text], 'han', 100).filter((a) => a.kind === 'name').map((a) => a.label);

describe('Chinese names spelled out in name characters', () => {
  it('finds a name the dictionary does not know, and cuts particles off it', () => {
    expect(names('港口总裁阿拉德·卡斯特莱因表示。')).toEqual(['阿拉德', '卡斯特莱因']);
    // 萨 | 拉萨 (Lhasa) | 尔: the dictionary's word in the middle of a name is the name's.
    expect(segmentParagraph('萨拉萨尔周三宣布', 'han').filter((w) => w.kind === 'name').map((w) => w.word)).toEqual(['萨拉萨尔']);
  });

  it('leaves the language’s own words alone', () => {
    expect(names('该项目将与公司合作实施，预计创造就业岗位。')).toEqual([]);
  });

  it('gives a Chinese spelling the skeleton of the Latin one', () => {
    for (const [han, latin] of [['奥巴马', 'Obama'], ['卡斯特莱因', 'Castelein'], ['温弗瑞', 'Winfrey'], ['萨拉萨尔', 'Salazar']]) {
      expect(coarseName(canonicalName(han)), han).toBe(coarseName(canonicalName(latin)));
    }
  });
});

describe('Japanese names joined by ・', () => {
  it('keeps a name however often it recurs', () => {
    const text = 'バラク・オバマ大統領は語った。オバマ氏は笑った。オバマ氏は続けた。オバマ氏は述べた。';
    const labels = readAnchors([text], 'kana', 100).map((a) => a.label);
    expect(labels.filter((l) => l === 'オバマ')).toHaveLength(4);
  });
});

describe('amounts scaled by 万, 亿, 億', () => {
  it('reads them as the press of other languages writes them', () => {
    expect(scaledDigits('285', 8)).toBe('285'); // 28,5 milliards
    expect(scaledDigits('1.45', 8)).toBe('145'); // 145 millions
    expect(scaledDigits('2050', 4)).toBe('205'); // 20,5 millions
    expect(scaledDigits('6300', 4)).toBe('63'); // 63 millions
    expect(scaledDigits('17.6', 4)).toBe('176000'); // 176 000
    expect(scaledDigits('3000', 8)).toBe('300'); // 300 milliards
  });

  it('gives 25亿 and 25億 the key of "2,5 milliards"', () => {
    const key = (text: string, script: 'han' | 'kana' | 'latin') => readAnchors([text], script, 10).filter((a) => a.kind === 'num').map((a) => a.precise);
    const latin = key('un plan de 2,5 milliards', 'latin');
    expect(latin).toHaveLength(1);
    expect(key('一项25亿欧元的计划', 'han')).toEqual(latin);
    expect(key('25億ユーロを投じる', 'kana')).toEqual(latin);
  });
});

describe('a translated copy in Chinese or Japanese', () => {
  const original = { id: 'rotterdam', lang: 'fr', fingerprint: toStored(fingerprintArticle(french)) };

  it('is flagged with its original', () => {
    for (const page of [chinese, japanese]) {
      const verdict = decide(fingerprintArticle(page), [original]);
      expect(verdict.kind, page.lang).toBe('translation');
    }
  });

  it('is not confused with another story on the same topic', () => {
    expect(decide(fingerprintArticle(otherStory), [original]).kind).toBe('none');
  });
});

describe('caseless scripts: every word a candidate, the most frequent dropped only over budget', () => {
  it('keeps a protagonist however often the article names him', () => {
    const text = 'قال أوباما إن الاقتصاد يتحسن. وأضاف أوباما أن البطالة تراجعت. وكرر أوباما ذلك في خطابه. ثم غادر أوباما القاعة.';
    expect(readAnchors([text], 'arabic', 100).filter((a) => a.label === 'أوباما')).toHaveLength(4);
  });

  it('drops the most frequent words first when the candidates exceed the budget', () => {
    // 60 occurrences of one word, 30 rare words: a budget of 40 keeps the rare ones.
    const rare = Array.from({ length: 30 }, (_, i) => 'كلمة' + 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'[i % 28] + 'ا'.repeat(1 + Math.floor(i / 28)));
    const text = [...Array.from({ length: 60 }, () => 'في'), ...rare].join(' ');
    const labels = readAnchors([text], 'arabic', 40).map((a) => a.label);
    expect(labels).not.toContain('في');
    expect(labels).toHaveLength(30);
  });
});
