import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanArticle, countPinyinGlosses } from '../../src/core/text/clean-article.ts';
import { CLEAN_ARTICLE, cleanSeedFile, ORIGINAL_ARTICLE, taiwanToMainland } from '../../src/cli/clean-seed.ts';

const original = readFileSync(ORIGINAL_ARTICLE, 'utf8');
const identity = (text: string) => text;
/**
 * SHA-256 of the seed article as it was delivered (000_27396800babc6cdb.txt), taken when it was
 * copied into graph-data/sources: the shipped original is that copy, so the test needs nothing
 * outside the clone.
 */
const DELIVERED_SEED_SHA256 = '0b49a9b4253748a1757a09fddf27c8858be42df5f33ee9e302f61aa121391454';

describe('cleaning the seed article', () => {
  it('the shipped original is the seed as delivered, with its glosses', () => {
    expect(createHash('sha256').update(readFileSync(ORIGINAL_ARTICLE)).digest('hex')).toBe(DELIVERED_SEED_SHA256);
    expect(countPinyinGlosses(original)).toEqual({ glosses: 167, distinctCharacters: 29 });
  });

  it('the committed clean article is exactly what the script makes from the original', () => {
    expect(readFileSync(CLEAN_ARTICLE, 'utf8')).toBe(cleanSeedFile(ORIGINAL_ARTICLE));
  });

  it('removes every pinyin gloss and keeps other parentheses', () => {
    const clean = cleanArticle('業(yè)務(wù) 山姆·奧特曼(Sam Altman) 2(a)', identity);
    expect(clean).toBe('業務 山姆·奧特曼(Sam Altman) 2(a)\n');
    expect(countPinyinGlosses(cleanSeedFile(ORIGINAL_ARTICLE))).toEqual({ glosses: 0, distinctCharacters: 0 });
  });

  it('removes the HTML residue of the stripped link', () => {
    expect(cleanArticle('國外的AI target=_blank class=infotextkey>OpenAI,國內', identity)).toBe('國外的OpenAI,國內\n');
    const clean = cleanSeedFile(ORIGINAL_ARTICLE);
    expect(clean).not.toMatch(/target=|infotextkey|[<>]/);
    expect(clean).toContain('基础大模型以国外的OpenAI,国内的阿里');
  });

  it('converts to simplified characters with the Taiwan table, not the phrase table', () => {
    const clean = cleanSeedFile(ORIGINAL_ARTICLE);
    expect(clean).toContain('着力于通用能力');
    expect(clean).toContain('随着生态的不断完善');
    expect(clean).toContain('高级执行副总裁');
    expect(clean).toContain('建立在通用模型基础上');
    for (const name of ['汤道生', '田奇', '昆仑万维', '赵增', '陈杭', '何晓冬', '涂威威', '朱啸虎', '傅盛', '山姆·奥特曼', '吴运声']) {
      expect(clean).toContain(name);
    }
    expect(clean).not.toMatch(/[業創據資們這數對於與為體]/);
    expect(taiwanToMainland('著力於')).toBe('着力于');
  });

  it('strips a BOM and normalises line ends', () => {
    expect(cleanArticle('\uFEFF一\r\n二\r三', identity)).toBe('一\n二\n三\n');
  });
});
