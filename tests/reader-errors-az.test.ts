/**
 * The readers' refusals in the run's language (issue 27): a broken population file, table or road
 * network is refused in Azerbaijani under --lang az, at the same file:line:column and with the
 * same exit code, while the English run prints exactly what it printed before the messages moved
 * into the catalogue (the English texts below are the output of the build before that change).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { placeholdersOf } from '../src/model/messages/catalogue.js';
import { readersAz } from '../src/model/messages/readers-az.js';
import { readersEn } from '../src/model/messages/readers-en.js';
import { cli, ROOT } from './helpers.js';
import { geoPackage, geoTiff, h3Cells, osmPbf, pbfBlock, pbfData, straightRoad } from './hostile-files.js';
import { xlsx, zip } from './xlsx-writer.js';

const DIR = mkdtempSync(join(tmpdir(), 'dostplan-reader-az-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(DIR, name);
  writeFileSync(p, content);
  return p;
};

interface Case {
  /** What is broken. */
  name: string;
  /** The command, with the file(s) it reads made in DIR. */
  args: () => string[] | Promise<string[]>;
  code: number;
  /** stderr after "dostplan: ", with DIR written as {DIR}. */
  en: string;
  az: string;
}

const population = (name: string, content: string | Buffer) => () => ['coverage', '--population', file(name, content)];

const CASES: Case[] = [
  {
    name: 'a population file that is not there',
    args: () => ['coverage', '--population', join(DIR, 'nowhere.csv')],
    code: 2,
    en: '{DIR}/nowhere.csv: no such file',
    az: '{DIR}/nowhere.csv: belə fayl yoxdur',
  },
  {
    name: 'a directory for a population file',
    args: () => {
      mkdirSync(join(DIR, 'folder'), { recursive: true });
      return ['coverage', '--population', join(DIR, 'folder')];
    },
    code: 2,
    en: '{DIR}/folder: is a directory; name a population file (GeoTIFF, GeoPackage, CSV or GeoJSON)',
    az: '{DIR}/folder: bu, qovluqdur; əhali faylını göstərin (GeoTIFF, GeoPackage, CSV və ya GeoJSON)',
  },
  {
    name: 'binary content in a CSV',
    args: population('nul.csv', Buffer.from('lat,lon,population\n40.1,47\u0000,5\n')),
    code: 1,
    en: '{DIR}/nul.csv:2:8: binary content (a NUL byte) where a text file was expected; is this the right file?',
    az: '{DIR}/nul.csv:2:8: mətn faylı gözlənilən yerdə ikili məzmun var (NUL baytı); doğru fayldırmı?',
  },
  {
    name: 'a CSV that is not UTF-8',
    args: population('latin1.csv', Buffer.from('lat,lon,population,name\n40.1,47.1,5,G\xe4nc\xe4\n', 'latin1')),
    code: 1,
    en: '{DIR}/latin1.csv:2:14: not valid UTF-8; save the file as UTF-8 (most editors: "Save with encoding")',
    az:
      '{DIR}/latin1.csv:2:14: etibarlı UTF-8 deyil; faylı UTF-8 kodlaşdırması ilə saxlayın ' +
      '(əksər redaktorlarda: "Save with encoding")',
  },
  {
    name: 'a quote never closed',
    args: population('quote.csv', 'lat,lon,population,name\n40.1,47.1,5,"Gəncə\n'),
    code: 1,
    en: '{DIR}/quote.csv:2:13: a quote that is never closed; close it, or double a quote meant as text',
    az: '{DIR}/quote.csv:2:13: dırnaq açılıb, amma bağlanmayıb; onu bağlayın və ya mətn kimi nəzərdə tutulan dırnağı qoşa yazın',
  },
  {
    name: 'a row with more fields than the header (semicolons)',
    args: population('wide.csv', 'lat;lon;population\n40,4;47,1;5;7\n'),
    code: 1,
    en: '{DIR}/wide.csv:2:13: more fields than the header\'s 3; quote a value that holds a semicolon ("…")',
    az: '{DIR}/wide.csv:2:13: başlıq sətrindəki 3 sahədən çox sahə var; içində nöqtəli vergül olan dəyəri dırnağa alın ("…")',
  },
  {
    name: 'a row with fewer fields than the header',
    args: population('short.csv', 'lat,lon,population\n40.4,47.1\n'),
    code: 1,
    en:
      '{DIR}/short.csv:2:10: 2 field(s) where the header has 3; every row needs a value (or an empty field) ' +
      'for each column',
    az: '{DIR}/short.csv:2:10: 2 sahə var, başlıq sətrində isə 3; hər sətirdə hər sütun üçün dəyər (və ya boş sahə) olmalıdır',
  },
  {
    name: 'an empty population cell',
    args: population('empty.csv', 'lat,lon,population\n40.4,47.1,\n'),
    code: 1,
    en: '{DIR}/empty.csv:2:11: empty population cell; every row needs lat, lon and population',
    az: '{DIR}/empty.csv:2:11: population xanası boşdur; hər sətirdə lat, lon və population olmalıdır',
  },
  {
    name: 'a latitude beyond 90',
    args: population('lat.csv', 'lat,lon,population\n40.4,47.1,5\n94.4,47.1,5\n'),
    code: 1,
    en: '{DIR}/lat.csv:3:1: lat must be a number within ±90',
    az: '{DIR}/lat.csv:3:1: lat ±90 aralığında ədəd olmalıdır',
  },
  {
    name: 'a population that reads as twelve or twelve thousand',
    args: population('twelve.csv', 'lat,lon,population\n40,47,"12,000"\n'),
    code: 1,
    en:
      '{DIR}/twelve.csv:2:7: population: a comma before three digits could be a decimal comma or a thousands ' +
      'separator, and no other number in the file says which; write the count without grouping (12000), or with a ' +
      'decimal point (12.0)',
    az:
      '{DIR}/twelve.csv:2:7: population: üç rəqəmdən əvvəlki vergül həm onluq ayırıcı, həm də minliklərin ayırıcısı ' +
      'ola bilər, fayldakı başqa heç bir ədəd isə hansı olduğunu göstərmir; sayı qruplara bölmədən (12000) və ya ' +
      'onluq nöqtə ilə (12.0) yazın',
  },
  {
    name: 'a decimal comma after a decimal point',
    args: population('marks.csv', 'lat;lon;population\n40.4;47.1;5\n40,5;47,2;6\n'),
    code: 1,
    en:
      '{DIR}/marks.csv:3:1: lat: a decimal comma where lat on line 2 uses a decimal point; write every number in ' +
      'the file with the same decimal mark',
    az:
      '{DIR}/marks.csv:3:1: lat: burada onluq ayırıcı vergül, sətir 2, `lat` sütunu isə onluq ayırıcı kimi nöqtə ' +
      'işlədir; fayldakı bütün ədədləri eyni onluq ayırıcı ilə yazın',
  },
  {
    name: 'a population column under another name',
    args: population('renamed.csv', 'lat,lon,pop\n40.4,47.1,5\n'),
    code: 1,
    en:
      "{DIR}/renamed.csv:1:1: missing column 'population'; the file's columns are lat, lon, pop; if that is pop " +
      'for population, add --columns population=pop',
    az:
      "{DIR}/renamed.csv:1:1: 'population' sütunu yoxdur; fayldakı sütunlar: lat, lon, pop; əgər bu uyğunluq " +
      'doğrudursa (pop — population), --columns population=pop əlavə edin',
  },
  {
    name: 'a first line that is no header',
    args: population('noheader.csv', 'root:x:0:0:root:/root:/bin/bash\n'),
    code: 1,
    en:
      "{DIR}/noheader.csv:1:1: missing column 'lat', missing column 'lon', missing column 'population'; its " +
      'first line has 1 field that does not look like column names; expected a header ' +
      'lat,lon,population[,region,name], or name the columns with --columns lat=NAME,lon=NAME,population=NAME',
    az:
      "{DIR}/noheader.csv:1:1: 'lat' sütunu yoxdur, 'lon' sütunu yoxdur, 'population' sütunu yoxdur; faylın " +
      'birinci sətrində sütun adına oxşamayan 1 sahə var; lat,lon,population[,region,name] başlıq sətri gözlənilir, ' +
      'ya da sütunları --columns lat=NAME,lon=NAME,population=NAME ilə göstərin',
  },
  {
    name: 'an unknown region code',
    args: population('region.csv', 'lat,lon,population,region\n40.68,46.36,5,AZ-XX\n'),
    code: 1,
    en: "{DIR}/region.csv:2:15: unknown region 'AZ-XX' (ISO 3166-2:AZ, e.g. AZ-GA for Ganja)",
    az: "{DIR}/region.csv:2:15: naməlum region kodu 'AZ-XX' (ISO 3166-2:AZ, məsələn, AZ-GA — Gəncə)",
  },
  {
    name: 'a point at sea',
    args: population('sea.csv', 'lat,lon,population\n40.68,46.36,5\n40.0,51.0,7\n'),
    code: 1,
    en: "{DIR}/sea.csv:3:1: (lat 40, lon 51) is outside every unit of Azerbaijan (at sea or abroad)\ndostplan: {DIR}/sea.csv: 1 point(s) lie outside Azerbaijan's units; remove them, or give them a region column if they belong to a unit",
    az:
      '{DIR}/sea.csv:3:1: (lat 40, lon 51) nöqtəsi Azərbaycan ərazisindəki heç bir inzibati vahidə düşmür (dənizdə ' +
      'və ya xaricdədir)\ndostplan: {DIR}/sea.csv: 1 nöqtə Azərbaycan inzibati vahidlərindən kənardadır; onları silin, ya da ' +
      'hansısa vahidə aiddirsə, onlar üçün region sütununu doldurun',
  },
  {
    name: 'a point far from the unit its region column names',
    args: population('far.csv', 'lat,lon,population,region\n40.68,46.36,5,AZ-BA\n'),
    code: 1,
    en: '{DIR}/far.csv:2:1: (lat 40.68, lon 46.36) is 260.9 km outside AZ-BA (Baku), the unit its region column names; it lies in AZ-GA (Ganja)\ndostplan: {DIR}/far.csv: 1 of 1 point(s) lie more than 3 km outside the unit their region column names; fix the coordinates or the region',
    az: '{DIR}/far.csv:2:1: (lat 40.68, lon 46.36) nöqtəsi region sütununda göstərilən AZ-BA (Bakı) vahidindən 260,9 km kənardadır; o, AZ-GA (Gəncə) ərazisindədir\ndostplan: {DIR}/far.csv: 1 nöqtədən 1 nöqtə region sütununda göstərilən vahiddən 3 km-dən çox kənardadır; koordinatları və ya region dəyərini düzəldin',
  },
  {
    name: 'GeoJSON that is no FeatureCollection',
    args: population('points.geojson', '{"type": "Feature"}'),
    code: 1,
    en: '{DIR}/points.geojson:1:1: expected a GeoJSON FeatureCollection of Points',
    az: '{DIR}/points.geojson:1:1: Point obyektlərindən ibarət GeoJSON FeatureCollection gözlənilir',
  },
  {
    name: 'GeoJSON with a trailing comma',
    args: population('comma.geojson', '{"type": "FeatureCollection", "features": [],}'),
    code: 1,
    en: '{DIR}/comma.geojson:1:46: not valid JSON: expected a property name in double quotes',
    az: '{DIR}/comma.geojson:1:46: etibarlı JSON deyil: burada qoşa dırnaqda xassə adı gözlənilirdi',
  },
  {
    name: 'a GeoJSON feature that is no Point',
    args: population(
      'line.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', geometry: { type: 'LineString', coordinates: [] }, properties: {} }],
      }),
    ),
    code: 1,
    en: '{DIR}/line.geojson:1:70: geometry must be a Point',
    az: '{DIR}/line.geojson:1:70: geometry Point olmalıdır',
  },
  {
    name: 'a GeoJSON population written in quotes, at its line and column',
    args: population(
      'quoted.geojson',
      '{"type": "FeatureCollection", "features": [\n' +
        '  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [47.1, 40.4]},\n' +
        '   "properties": {"name": "Ağdam", "population": "100"}}\n]}\n',
    ),
    code: 1,
    en: '{DIR}/quoted.geojson:3:50: population is written as text in quotes; write the number without quotes',
    az: '{DIR}/quoted.geojson:3:50: population dırnaq içində mətn kimi yazılıb; ədədi dırnaqsız yazın',
  },
  {
    name: 'a GeoJSON region code written as a number',
    args: population(
      'region5.geojson',
      '{"type": "FeatureCollection", "features": [\n' +
        '  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [47.1, 40.4]},\n' +
        '   "properties": {"population": 5, "region": 5}}\n]}\n',
    ),
    code: 1,
    en: '{DIR}/region5.geojson:3:46: region must be text; write it in quotes',
    az: '{DIR}/region5.geojson:3:46: region mətn olmalıdır; onu dırnaq içində yazın',
  },
  {
    name: 'a facility list in GeoJSON with a feature that is no Point (import)',
    args: () => [
      'import',
      file(
        'sites.geojson',
        '{"type":"FeatureCollection","features":[\n{"type":"Feature","geometry":{"type":"LineString","coordinates":[]},"properties":{}}]}\n',
      ),
    ],
    code: 1,
    en: '{DIR}/sites.geojson:2:30: features[0]: geometry must be a Point with numeric coordinates [lon, lat]',
    az: '{DIR}/sites.geojson:2:30: 0 indeksli obyekt (features[0]): geometry ədədi koordinatları [lon, lat] olan Point olmalıdır',
  },
  {
    name: 'an old Excel file',
    args: population('list.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
    code: 2,
    en:
      '{DIR}/list.xls: an old-format Office file (Excel 97–2003 .xls, or .doc), not a table dostplan reads; save it ' +
      'as Excel Workbook (.xlsx) or CSV UTF-8 (File › Save As) and name that file',
    az:
      '{DIR}/list.xls: köhnə formatlı Office faylı (Excel 97–2003 .xls və ya .doc) — dostplan-ın oxuduğu cədvəl ' +
      'deyil; onu Excel Workbook (.xlsx) və ya CSV UTF-8 kimi saxlayın (File › Save As) və həmin faylı göstərin',
  },
  {
    name: 'a ZIP archive that is no workbook',
    args: population('points.xlsx', zip([['points.csv', Buffer.from('lat,lon,population\n')]])),
    code: 2,
    en:
      '{DIR}/points.xlsx: a ZIP archive that is not an Excel workbook, not a table dostplan reads; unpack it and ' +
      'name the .csv or .xlsx inside, or save the workbook again as .xlsx',
    az:
      '{DIR}/points.xlsx: Excel iş kitabı olmayan ZIP arxivi — dostplan-ın oxuduğu cədvəl deyil; arxivi açıb ' +
      'içindəki .csv və ya .xlsx faylını göstərin, ya da iş kitabını yenidən .xlsx kimi saxlayın',
  },
  {
    name: 'a sheet the workbook does not have',
    args: () => [
      ...population('sheets.xlsx', xlsx([{ name: 'Əhali', rows: [['lat', 'lon', 'population']] }]))(),
      '--sheet',
      'Points',
    ],
    code: 2,
    en: "{DIR}/sheets.xlsx: no sheet named 'Points'; its sheets are 'Əhali'",
    az: "{DIR}/sheets.xlsx: 'Points' adlı vərəq yoxdur; iş kitabının vərəqləri: 'Əhali'",
  },
  {
    name: 'a workbook cell with a bad latitude',
    args: population(
      'cells.xlsx',
      xlsx([
        {
          name: 'S',
          rows: [
            ['lat', 'lon', 'population'],
            [140.4, 47.1, 5],
          ],
        },
      ]),
    ),
    code: 1,
    en: "{DIR}/cells.xlsx: sheet 'S', row 2, column A: lat must be a number within ±90",
    az: "{DIR}/cells.xlsx: 'S' vərəqi, sətir 2, sütun A: lat ±90 aralığında ədəd olmalıdır",
  },
  {
    name: 'a workbook row at sea (its position inside the message, as words)',
    args: population(
      'sea.xlsx',
      xlsx([
        {
          name: 'Əhali 2026',
          rows: [
            ['lat', 'lon', 'population'],
            [40.0, 51.0, 7],
          ],
        },
      ]),
    ),
    code: 1,
    en:
      "{DIR}/sea.xlsx: sheet 'Əhali 2026', row 2, column A: (lat 40, lon 51) is outside every unit of Azerbaijan (at sea or abroad)\n" +
      "dostplan: {DIR}/sea.xlsx: 1 point(s) lie outside Azerbaijan's units; remove them, or give them a region column if they belong to a unit",
    az:
      "{DIR}/sea.xlsx: 'Əhali 2026' vərəqi, sətir 2, sütun A: (lat 40, lon 51) nöqtəsi Azərbaycan ərazisindəki heç bir inzibati vahidə düşmür (dənizdə və ya xaricdədir)\n" +
      'dostplan: {DIR}/sea.xlsx: 1 nöqtə Azərbaycan inzibati vahidlərindən kənardadır; onları silin, ya da hansısa vahidə aiddirsə, onlar üçün region sütununu doldurun',
  },
  {
    name: 'an H3 CSV with a cell that is no H3 index',
    args: population('cells.csv', 'h3,population\n882d1a8a67fffff,5\nnot-a-cell,7\n'),
    code: 1,
    en: '{DIR}/cells.csv:3:1: not an H3 cell index (15 hexadecimal digits, e.g. 882d1a8a67fffff)',
    az: '{DIR}/cells.csv:3:1: H3 xana indeksi deyil (15 onaltılıq rəqəm, məsələn, 882d1a8a67fffff)',
  },
  {
    name: 'a GeoTIFF cell holding more people than the world',
    args: () => population('huge.tif', geoTiff([5, 1e11, 3, 4], 2, { float64: true }))(),
    code: 1,
    en: "{DIR}/huge.tif: band 1, pixel x=1 y=0: population must be a number from 0 to 1e+10 (one cell), or the file's nodata value",
    az: '{DIR}/huge.tif: 1-ci zolaq, piksel x=1 y=0: əhali 0 ilə 1e+10 arasında ədəd (bir xana üçün) və ya faylın nodata dəyəri olmalıdır',
  },
  {
    name: 'a GeoTIFF whose header declares blocks it does not locate',
    args: () => population('blocks.tif', geoTiff([5, 6, 3, 4], 2, { patch: { 256: 20000 } }))(),
    code: 1,
    // V8's DataView refused the offset under geotiff.js ("Offset is outside the bounds of the
    // DataView"): said in our words, in both languages.
    en: '{DIR}/blocks.tif: cannot read rows 0–1 of band 1 (its data stops early or lies past the end of the file; is the file complete?)',
    az: '{DIR}/blocks.tif: 1-ci zolağın 0–1 sətirləri oxuna bilmir (məlumatları vaxtından əvvəl bitir və ya faylın sonundan kənara düşür; fayl tamdırmı?)',
  },
  {
    name: 'a GeoTIFF compressed in a way geotiff.js does not know',
    args: () => population('lerc.tif', geoTiff([5, 6, 3, 4], 2, { patch: { 259: 60000 } }))(),
    code: 1,
    // geotiff.js: "Unknown compression method identifier: 60000".
    en: '{DIR}/lerc.tif: cannot read rows 0–1 of band 1 (a compression or cell type dostplan cannot read; save it as an uncompressed or DEFLATE GeoTIFF (gdal_translate -co COMPRESS=DEFLATE))',
    az: '{DIR}/lerc.tif: 1-ci zolağın 0–1 sətirləri oxuna bilmir (dostplan-ın oxuya bilmədiyi sıxılma və ya xana növü; onu sıxılmamış və ya DEFLATE ilə sıxılmış GeoTIFF kimi saxlayın (gdal_translate -co COMPRESS=DEFLATE))',
  },
  {
    name: 'a GeoTIFF whose header locates more blocks than its size needs',
    args: () => population('strips.tif', geoTiff([5, 6, 3, 4], 2, { counts: { 273: 3 } }))(),
    code: 1,
    en: '{DIR}/strips.tif: not a readable GeoTIFF (its header declares 2 × 2 cells in 1 blocks but locates 3)',
    az: '{DIR}/strips.tif: oxuna bilən GeoTIFF deyil (başlığında 2 × 2 xana üçün 1 blok elan olunub, amma 3 blokun yeri göstərilib)',
  },
  {
    name: 'a GeoPackage without an H3 layer',
    args: async () => {
      const bytes = await geoPackage(h3Cells(3));
      // The same file with the column renamed: no layer has an h3 column.
      return population('layers.gpkg', Buffer.from(bytes.toString('latin1').replace('h3 TEXT', 'hx TEXT'), 'latin1'))();
    },
    code: 1,
    en: '{DIR}/layers.gpkg: none of its 1 layers has an H3 column (h3) and a population column (population)',
    az: '{DIR}/layers.gpkg: onun 1 qatından heç birində H3 sütunu (h3) və əhali sütunu (population) yoxdur',
  },
  {
    name: 'a GeoPackage H3 layer with a cell that is no H3 index',
    args: async () => {
      const cells = h3Cells(3);
      cells[1]!.h3 = 'not-a-cell';
      return population('badcell.gpkg', Buffer.from(await geoPackage(cells)))();
    },
    code: 1,
    en: '{DIR}/badcell.gpkg: layer 1 of 1, row 2, column h3: not an H3 cell index (15 hexadecimal digits, e.g. 882d1a8a67fffff)',
    az: '{DIR}/badcell.gpkg: qat 1 (cəmi 1 qat), sətir 2, h3 sütunu: H3 xana indeksi deyil (15 onaltılıq rəqəm, məsələn, 882d1a8a67fffff)',
  },
  {
    name: 'a GeoPackage whose pages are overwritten (SQLite: "database disk image is malformed")',
    args: async () => {
      const bytes = Buffer.from(await geoPackage(h3Cells(3)));
      bytes.fill(0xa5, 100, 4096);
      return population('garbled.gpkg', bytes)();
    },
    code: 1,
    en: '{DIR}/garbled.gpkg: not a readable GeoPackage: database disk image is malformed; is the file complete? export it again from its source',
    az: '{DIR}/garbled.gpkg: oxuna bilən GeoPackage deyil: verilənlər bazasının disk təsviri zədələnib; fayl tamdırmı? onu mənbəyindən yenidən ixrac edin',
  },
  {
    name: "a data folder whose regions.json has a name that is no text (zod's reason in our words)",
    args: () => {
      const data = join(DIR, 'data-zod');
      cpSync(join(ROOT, 'data'), data, { recursive: true });
      const regions = JSON.parse(readFileSync(join(data, 'regions.json'), 'utf8'));
      regions.regions[0].name_en = 5;
      writeFileSync(join(data, 'regions.json'), JSON.stringify(regions));
      return ['coverage', join(ROOT, 'plans', 'dost.yaml'), '--data', data];
    },
    code: 1,
    en: '{DIR}/data-zod/regions.json:1:1301: regions[0].name_en must be text, not a number',
    az: '{DIR}/data-zod/regions.json:1:1301: `regions[0].name_en` mətn olmalıdır, ədəd tipli dəyər yox',
  },
  {
    name: "a data folder whose profile.json has a key the schema does not know (zod's reason, no key quoted)",
    args: () => {
      const data = join(DIR, 'data-key');
      cpSync(join(ROOT, 'data'), data, { recursive: true });
      const profile = JSON.parse(readFileSync(join(data, 'profile.json'), 'utf8'));
      profile['nmae\u001b[31m'] = 'x';
      writeFileSync(join(data, 'profile.json'), JSON.stringify(profile));
      return ['coverage', join(ROOT, 'plans', 'dost.yaml'), '--data', data];
    },
    code: 1,
    en:
      '{DIR}/data-key/profile.json:1:1021: unknown key in the top level. Allowed keys: id, name, name_az, codes, grouping, ' +
      'capital, exclaves, files, default_plan, population_source, credits, population_source_az, credits_az.',
    az:
      '{DIR}/data-key/profile.json:1:1021: faylın yuxarı səviyyəsi daxilində naməlum açar. Mümkün açarlar: `id, name, ' +
      'name_az, codes, grouping, capital, exclaves, files, default_plan, population_source, credits, ' +
      'population_source_az, credits_az`.',
  },
  {
    // V8 said: Unexpected token '}', "{"a": }" is not valid JSON — quoting the file.
    name: "a data folder's map layer that is not JSON",
    args: () => {
      const data = join(DIR, 'data-map');
      cpSync(join(ROOT, 'data'), data, { recursive: true });
      writeFileSync(join(data, 'context.geojson'), '{\n  "type": }');
      return ['report', join(ROOT, 'plans', 'dost.yaml'), '--data', data, '--out', join(DIR, 'map.html')];
    },
    code: 1,
    en: '{DIR}/data-map/context.geojson:2:11: not valid JSON (expected a value); rebuild it with npm run data:build',
    az: '{DIR}/data-map/context.geojson:2:11: etibarlı JSON deyil (burada dəyər gözlənilirdi); onu npm run data:build ilə yenidən qurun',
  },
  {
    name: 'a road network that is not there',
    args: () => ['coverage', '--roads', join(DIR, 'nowhere.osm.pbf')],
    code: 2,
    en: '{DIR}/nowhere.osm.pbf: no such file (the road network for --roads)',
    az: '{DIR}/nowhere.osm.pbf: belə fayl yoxdur (--roads üçün yol şəbəkəsi)',
  },
  {
    name: 'a road network of no known format',
    args: () => ['coverage', '--roads', file('roads.txt', 'highway,lat,lon\n')],
    code: 1,
    en: '{DIR}/roads.txt: not a road network: expected OpenStreetMap PBF (.osm.pbf), OSM XML (.osm), GeoJSON LineStrings, an ESRI Shapefile (.shp beside its .dbf, or zipped) or a GeoPackage (.gpkg) of road lines',
    az: '{DIR}/roads.txt: yol şəbəkəsi deyil: OpenStreetMap PBF (.osm.pbf), OSM XML (.osm), GeoJSON LineString xətləri, ESRI Shapefile (.dbf faylı ilə yanaşı .shp və ya zip arxivi) və ya yol xətlərindən ibarət GeoPackage (.gpkg) gözlənilir',
  },
  {
    name: 'GeoJSON roads without lines',
    args: () => ['coverage', '--roads', file('roads.geojson', '{"type": "FeatureCollection", "features": []}')],
    code: 1,
    en: 'note: reading the road network {DIR}/roads.geojson (once: later runs take it from the cache)\ndostplan: {DIR}/roads.geojson:1:1: expected a GeoJSON FeatureCollection of LineStrings with a highway property',
    az: 'qeyd: {DIR}/roads.geojson yol şəbəkəsi oxunur (bir dəfə: sonrakı icralar onu keşdən götürür)\ndostplan: {DIR}/roads.geojson:1:1: highway xassəsi olan LineString xətlərindən ibarət GeoJSON FeatureCollection gözlənilir',
  },
  {
    name: 'GeoJSON roads with a position beyond the antimeridian',
    args: () => [
      'coverage',
      '--roads',
      file(
        'far.geojson',
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { highway: 'primary' },
              geometry: {
                type: 'LineString',
                coordinates: [
                  [46.3, 40.6],
                  [200, 40.6],
                ],
              },
            },
          ],
        }),
      ),
    ],
    code: 1,
    en: 'note: reading the road network {DIR}/far.geojson (once: later runs take it from the cache)\ndostplan: {DIR}/far.geojson:1:153: features[0].geometry.coordinates[1]: a position must be [longitude, latitude] in degrees',
    az: 'qeyd: {DIR}/far.geojson yol şəbəkəsi oxunur (bir dəfə: sonrakı icralar onu keşdən götürür)\ndostplan: {DIR}/far.geojson:1:153: 0 indeksli obyekt (features[0].geometry.coordinates[1]): mövqe dərəcə ilə [uzunluq, en] olmalıdır',
  },
  {
    name: 'OSM XML with a node beyond the pole',
    args: () => ['coverage', '--roads', file('pole.osm', '<osm>\n<node id="1" lat="95" lon="46.3"/>\n</osm>\n')],
    code: 1,
    en: 'note: reading the road network {DIR}/pole.osm (once: later runs take it from the cache)\ndostplan: {DIR}/pole.osm:2:34: a node latitude outside ±90°',
    az: 'qeyd: {DIR}/pole.osm yol şəbəkəsi oxunur (bir dəfə: sonrakı icralar onu keşdən götürür)\ndostplan: {DIR}/pole.osm:2:34: qovşağın eni ±90° aralığından kənardadır',
  },
  {
    // saxes: "3:0: unclosed tag: osm" (its reason used to be lost: only "(3:0)" was printed).
    name: 'OSM XML cut short',
    args: () => ['coverage', '--roads', file('cut.osm', '<osm>\n<node id="1" lat="40.6" lon="46.3"\n')],
    code: 1,
    en: 'note: reading the road network {DIR}/cut.osm (once: later runs take it from the cache)\ndostplan: {DIR}/cut.osm:3:1: not well-formed XML (the file ends before its elements are closed; is it complete?)',
    az: 'qeyd: {DIR}/cut.osm yol şəbəkəsi oxunur (bir dəfə: sonrakı icralar onu keşdən götürür)\ndostplan: {DIR}/cut.osm:3:1: düzgün qurulmuş XML deyil (fayl elementləri bağlanmadan bitir; fayl tamdırmı?)',
  },
  {
    // saxes: "unmatched closing tag: <the name in the file>." — the name is never printed, nor
    // can it choose the reason (it names another of saxes's reasons).
    name: 'OSM XML closing a tag it never opened',
    args: () => [
      'coverage',
      '--roads',
      file('close.osm', '<osm>\n<node id="1" lat="40.6" lon="46.3"/>\n</duplicate.attribute>\n'),
    ],
    code: 1,
    en: 'note: reading the road network {DIR}/close.osm (once: later runs take it from the cache)\ndostplan: {DIR}/close.osm:3:22: not well-formed XML (a closing tag that does not match the element it closes)',
    az: 'qeyd: {DIR}/close.osm yol şəbəkəsi oxunur (bir dəfə: sonrakı icralar onu keşdən götürür)\ndostplan: {DIR}/close.osm:3:22: düzgün qurulmuş XML deyil (bağlayan teq bağladığı elementə uyğun gəlmir)',
  },
  {
    name: 'OSM XML with an attribute written twice',
    args: () => [
      'coverage',
      '--roads',
      file('twice.osm', '<osm>\n<node id="1" id="2" lat="40.6" lon="46.3"/>\n</osm>\n'),
    ],
    code: 1,
    en: 'note: reading the road network {DIR}/twice.osm (once: later runs take it from the cache)\ndostplan: {DIR}/twice.osm:2:43: not well-formed XML (a malformed attribute (each is written once, as name="value"))',
    az: 'qeyd: {DIR}/twice.osm yol şəbəkəsi oxunur (bir dəfə: sonrakı icralar onu keşdən götürür)\ndostplan: {DIR}/twice.osm:2:43: düzgün qurulmuş XML deyil (atribut düzgün yazılmayıb (hər biri bir dəfə, ad="dəyər" şəklində yazılır))',
  },
  {
    name: 'a PBF cut short',
    args: () => [
      'coverage',
      '--roads',
      file(
        'cut.osm.pbf',
        osmPbf(
          pbfBlock('OSMData', pbfData(straightRoad(), [{ refs: [1, 2, 3], tags: { highway: 'primary' } }])),
        ).subarray(0, 60),
      ),
    ],
    code: 1,
    en: 'note: reading the road network {DIR}/cut.osm.pbf (once: later runs take it from the cache)\ndostplan: {DIR}/cut.osm.pbf: truncated PBF at byte 57',
    az: 'qeyd: {DIR}/cut.osm.pbf yol şəbəkəsi oxunur (bir dəfə: sonrakı icralar onu keşdən götürür)\ndostplan: {DIR}/cut.osm.pbf: PBF faylı 57 baytında yarımçıq kəsilir',
  },
  {
    name: 'a shapefile without its .dbf',
    args: () => {
      const shp = Buffer.alloc(100);
      shp.writeInt32BE(9994, 0);
      shp.writeInt32LE(3, 32);
      return ['coverage', '--roads', file('roads.shp', shp)];
    },
    code: 1,
    en: "note: reading the road network {DIR}/roads.shp (once: later runs take it from the cache)\ndostplan: {DIR}/roads.shp: no roads.dbf beside it; a shapefile's attributes (the road class) are in the .dbf: copy it next to the .shp",
    az: 'qeyd: {DIR}/roads.shp yol şəbəkəsi oxunur (bir dəfə: sonrakı icralar onu keşdən götürür)\ndostplan: {DIR}/roads.shp: yanında roads.dbf yoxdur; shapefile-ın atributları (yol sinfi) .dbf faylındadır: onu .shp faylının yanına köçürün',
  },
  {
    name: 'a zip with no shapefile inside',
    args: () => ['coverage', '--roads', file('roads.zip', zip([['readme.txt', Buffer.from('roads')]]))],
    code: 1,
    en: 'note: reading the road network {DIR}/roads.zip (once: later runs take it from the cache)\ndostplan: {DIR}/roads.zip: no .shp inside; expected a zipped shapefile (.shp and .dbf) of road lines',
    az: 'qeyd: {DIR}/roads.zip yol şəbəkəsi oxunur (bir dəfə: sonrakı icralar onu keşdən götürür)\ndostplan: {DIR}/roads.zip: içində .shp yoxdur; yol xətlərindən ibarət zip-lənmiş shapefile (.shp və .dbf) gözlənilir',
  },
  {
    name: '--mode without a road network',
    args: () => ['coverage', '--mode', 'walk'],
    code: 2,
    en: '--mode chooses how a road network is travelled: add --roads FILE',
    az: '--mode yol şəbəkəsi ilə necə hərəkət edildiyini seçir: --roads FAYL əlavə edin',
  },
  {
    name: '--columns without a population file',
    args: () => ['coverage', '--columns', 'lat=Y'],
    code: 2,
    en: '--columns and --sheet apply to a population file: add --population FILE',
    az: '--columns və --sheet əhali faylına aiddir: --population FAYL əlavə edin',
  },
  {
    name: 'an OR-Library graph with a bad header',
    args: () => ['optimize', '--graph', file('pmed.txt', '10 20\n1 2 5\n')],
    code: 1,
    en: '{DIR}/pmed.txt:1:1: expected a header "n edges p" then one "i j cost" line per edge (OR-Library pmed format)',
    az: '{DIR}/pmed.txt:1:1: əvvəlcə "n edges p" başlığı, sonra hər til üçün bir "i j cost" sətri gözlənilir (OR-Library pmed formatı)',
  },
  {
    name: 'an OR-Library graph with a vertex out of range',
    args: () => ['optimize', '--graph', file('pmed2.txt', '3 2 1\n1 2 5\n2 7 5\n')],
    code: 1,
    en: '{DIR}/pmed2.txt:3:3: a vertex must be a whole number from 1 to 3',
    az: '{DIR}/pmed2.txt:3:3: təpə 1 ilə 3 arasında tam ədəd olmalıdır',
  },
  {
    name: 'candidate sites without lat and lon (the flag is --candidates-columns)',
    args: () => ['optimize', '-k', '1', '--candidates', file('sites.csv', 'y,x\n40.4,47.1\n')],
    code: 1,
    en: "{DIR}/sites.csv:1:1: missing column 'lat', missing column 'lon'; the file's columns are y, x; if that is y for lat, x for lon, add --candidates-columns lat=y,lon=x",
    az: "{DIR}/sites.csv:1:1: 'lat' sütunu yoxdur, 'lon' sütunu yoxdur; fayldakı sütunlar: y, x; əgər bu uyğunluq doğrudursa (y — lat, x — lon), --candidates-columns lat=y,lon=x əlavə edin",
  },
];

const shown = (s: string) => s.replaceAll(DIR, '{DIR}');

describe('a reader refusal in Azerbaijani, its place and exit code as in English', () => {
  const runs = new Map<string, { args: string[] }>();
  beforeAll(async () => {
    for (const c of CASES) runs.set(c.name, { args: await c.args() });
  });

  for (const c of CASES)
    it(c.name, () => {
      const { args } = runs.get(c.name)!;
      const en = cli(args);
      const az = cli([...args, '--lang', 'az']);
      expect(en.code).toBe(c.code);
      expect(az.code).toBe(c.code);
      expect(shown(en.stderr)).toBe(`dostplan: ${c.en}\n`);
      expect(shown(az.stderr)).toBe(`dostplan: ${c.az}\n`);
    });
});

describe('the readers catalogue', () => {
  const keys = Object.keys(readersEn) as (keyof typeof readersEn)[];
  const words = (s: string) => s.replace(/\{[a-zA-Z_]+\}/g, ' ');
  it('has every reader key in Azerbaijani with the placeholders of the English text', () => {
    expect(Object.keys(readersAz).sort()).toEqual([...keys].sort());
    for (const k of keys)
      expect([k, ...placeholdersOf(readersAz[k]).sort()]).toEqual([k, ...placeholdersOf(readersEn[k]).sort()]);
  });
  it('translates every text with words in it (no English sentence copied over)', () => {
    const copied = keys.filter((k) => /[a-z]{3,}/i.test(words(readersEn[k])) && readersAz[k] === readersEn[k]);
    expect(copied).toEqual([]);
    // English glue words outside placeholders, code and quoted examples, would betray a half translation.
    const glue = new Set(['the', 'of', 'or', 'and', 'is', 'not', 'must', 'expected', 'file', 'no', 'a', 'an']);
    const english = keys.filter((k) =>
      (
        words(readersAz[k])
          .replace(/\([^)]*\)|"[^"]*"|'[^']*'|[\w.-]*=[\w.,=-]*/g, '')
          .match(/\p{L}+/gu) ?? []
      ).some((w) => glue.has(w)),
    );
    expect(english).toEqual([]);
  });
});

describe('the readers (src/load)', () => {
  it('give every refusal as a catalogue message, never as English text written in place', () => {
    // The message argument of each `new InputError(where, message)`, `new UserError(message)` and
    // `new InvalidPlanError(message, …)`: a literal or a template there is English only.
    const position: Record<string, number> = { InputError: 1, UserError: 0, InvalidPlanError: 0 };
    const dir = join(ROOT, 'src', 'load');
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    const literal: string[] = [];
    let refusals = 0;
    for (const f of files) {
      const source = ts.createSourceFile(f, readFileSync(join(dir, f), 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text in position) {
          refusals++;
          const arg = node.arguments?.[position[node.expression.text]!];
          if (arg && (ts.isStringLiteralLike(arg) || ts.isTemplateExpression(arg) || ts.isBinaryExpression(arg))) {
            const { line } = source.getLineAndCharacterOfPosition(arg.getStart());
            literal.push(`${f}:${line + 1}`);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(refusals).toBeGreaterThan(100);
    expect(literal).toEqual([]);
  });
});

describe('places and the country inside errors, named in the run language', () => {
  it("names a plan's units, a Baku district, the country and its exclave in Azerbaijani", () => {
    const plan = file(
      'places.yaml',
      [
        'name: Places',
        'years: { from: 2024, to: 2030 }',
        'standards:',
        '  center: { within_km: 30 }',
        'centers:',
        '  - id: c1',
        '    name: One',
        '    region: AZ-GAN',
        '    location: { lat: 30.1, lon: 47.0 }',
        '    status: planned',
        '    opens: 2025',
        '    serves: [AZ-BA/yasamall]',
        '',
      ].join('\n'),
    );
    const en = cli(['coverage', plan]);
    const az = cli(['coverage', plan, '--lang', 'az']);
    expect(en.code).toBe(1);
    expect(az.code).toBe(1);
    expect(shown(en.stderr)).toBe(
      [
        "{DIR}/places.yaml:8:13: error unknown region 'AZ-GAN'. Did you mean 'AZ-GA' (Ganja)? [unknown-region]",
        '{DIR}/places.yaml:9:15: error location (lat 30.1, lon 47) is outside Azerbaijan (incl. Nakhchivan); check the coordinates [outside-country]',
        "{DIR}/places.yaml:12:14: error serves: unknown region 'AZ-BA/yasamall'. Did you mean 'AZ-BA/yasamal' (Baku, Yasamal district)? [unknown-serves]",
        '3 errors, 0 warnings in 1 file',
        'dostplan: {DIR}/places.yaml has errors; fix them first (dostplan validate {DIR}/places.yaml)',
        '',
      ].join('\n'),
    );
    expect(shown(az.stderr)).toBe(
      [
        "{DIR}/places.yaml:8:13: xəta naməlum inzibati vahid 'AZ-GAN'. Bəlkə `AZ-GA` (Gəncə) nəzərdə tutulub? [unknown-region]",
        '{DIR}/places.yaml:9:15: xəta yer (lat 30.1, lon 47) Azərbaycan (Naxçıvan daxil olmaqla) ərazisindən kənardadır; koordinatları yoxlayın [outside-country]',
        "{DIR}/places.yaml:12:14: xəta `serves:` naməlum inzibati vahid 'AZ-BA/yasamall'. Bəlkə `AZ-BA/yasamal` (Bakı, Yasamal rayonu) nəzərdə tutulub? [unknown-serves]",
        '1 faylda 3 xəta, 0 xəbərdarlıq',
        'dostplan: {DIR}/places.yaml faylında xətalar var; əvvəlcə onları düzəldin (dostplan validate {DIR}/places.yaml)',
        '',
      ].join('\n'),
    );
  });

  it('names the country in Azerbaijani in a table by nation (English unchanged)', () => {
    const row = (lang: string) =>
      cli(['coverage', '--by', 'nation', '--lang', lang])
        .stdout.split('\n')
        .find((l) => l.startsWith('AZ '));
    expect(row('en')).toBe('AZ  Azerbaijan  10,262,351  7,658,950  74.6%');
    // Thousands and the percent sign after a no-break space, as number-text writes them.
    expect(row('az')).toBe('AZ   Azərbaycan  10\u00a0262\u00a0351     7\u00a0658\u00a0950  74,6\u00a0%');
  });

  it('keeps the name given before the country is loaded, and says it in Azerbaijani once it is', async () => {
    const { RunContext } = await import('../src/run/run-context.js');
    const { said } = await import('../src/model/said.js');
    const { loadCountry } = await import('../src/load/dataset-loader.js');
    const message = said('read.points.lies_in', { code: 'AZ-BA', name: { place: 'AZ-BA', name: 'Baku' } });
    const run = new RunContext({ lang: 'az' });
    expect(run.locale().say(message)).toBe('o, AZ-BA (Baku) ərazisindədir');
    loadCountry(run);
    expect(run.locale().say(message)).toBe('o, AZ-BA (Bakı) ərazisindədir');
    // English never looks the names up.
    expect(new RunContext().locale().say(message)).toBe('it lies in AZ-BA (Baku)');
  });
});

describe("libraries' reasons, said in our words (load/library-reasons.ts)", () => {
  const key = (s: { key: string }) => s.key;
  it("classifies saxes's own reasons, as saxes writes them on real input", async () => {
    const { SaxesParser } = await import('saxes');
    const { xmlReason } = await import('../src/load/library-reasons.js');
    const first = (xml: string) => {
      const p = new SaxesParser({ position: true });
      let error: Error | undefined;
      p.on('error', (e) => {
        error ??= e;
      });
      p.write(xml).close();
      return key(xmlReason(error));
    };
    expect(first('<osm>\n<node id="1"')).toBe('reason.xml.cut_short');
    expect(first('<a></b>')).toBe('reason.xml.closing_tag');
    expect(first('<a x=1/>')).toBe('reason.xml.attribute');
    expect(first('<a x="1" x="2"/>')).toBe('reason.xml.attribute');
    expect(first('<a>&foo;</a>')).toBe('reason.xml.entity');
    expect(first('<a/><b/>')).toBe('reason.xml.root');
    expect(first('')).toBe('reason.xml.root');
    expect(first('<1a/>')).toBe('reason.xml.tag');
    expect(first('<a><!-- x -- y --></a>')).toBe('reason.xml.comment');
    expect(first('<?xml versio="1.0"?><a/>')).toBe('reason.xml.declaration');
    expect(first('<a>\u0001</a>')).toBe('reason.xml.character');
  });

  it("classifies geotiff.js's and SQLite's wordings; what follows ': ' never chooses", async () => {
    const { tiffReason, sqliteReason } = await import('../src/load/library-reasons.js');
    const tiff = (m: string) => key(tiffReason(new Error(m)));
    expect(tiff('Invalid magic number.')).toBe('reason.tiff.not_tiff');
    expect(tiff('Offset is outside the bounds of the DataView')).toBe('reason.tiff.past_end');
    expect(tiff('Unknown compression method identifier: 60000')).toBe('reason.tiff.unsupported');
    expect(tiff('Invalid planar configuration.')).toBe('reason.tiff.layout');
    expect(tiff("Could not get value of geoKey 'x'.")).toBe('reason.tiff.geokeys');
    expect(tiff('invalid huffman sequence')).toBe('reason.tiff.damaged_block');
    expect(tiff('incorrect header check')).toBe('reason.tiff.damaged_block');
    // A name from the file after the colon cannot pick "unsupported".
    expect(tiff('failed to get value for key: unsupported')).toBe('reason.unknown');
    const sqlite = (m: string) => key(sqliteReason(new Error(m)));
    expect(sqlite('file is not a database')).toBe('reason.sqlite.not_database');
    expect(sqlite('database disk image is malformed')).toBe('reason.sqlite.malformed');
    expect(sqlite('no such column: file is not a database')).toBe('read.gpkg.sqlite_failed');
  });

  it('never prints a wording it does not know: a generic reason, in both languages', async () => {
    const { tiffReason } = await import('../src/load/library-reasons.js');
    const { Locale } = await import('../src/model/locale.js');
    const hostile = new Error('Unexpected token \u001b[31m "root:x:0:0:root:/root:/bin/bash" ::error file=x::owned');
    const reason = tiffReason(hostile);
    expect(new Locale('en').say(reason)).toBe('its content could not be decoded');
    expect(new Locale('az').say(reason)).toBe('məzmunu deşifrə edilə bilmədi');
  });
});

describe('the reasons catalogue (reasons-en.ts, reasons-az.ts)', () => {
  it('has every key in both languages with the same placeholders, and only reason.* and where.* keys', async () => {
    const { reasonsEn } = await import('../src/model/messages/reasons-en.js');
    const { reasonsAz } = await import('../src/model/messages/reasons-az.js');
    const keys = Object.keys(reasonsEn) as (keyof typeof reasonsEn)[];
    expect(keys.filter((k) => !/^(reason|where)\./.test(k))).toEqual([]);
    expect(Object.keys(reasonsAz).sort()).toEqual([...keys].sort());
    for (const k of keys)
      expect([k, ...placeholdersOf(reasonsAz[k]).sort()]).toEqual([k, ...placeholdersOf(reasonsEn[k]).sort()]);
    // Texts with words are translated (not copied), and no English glue word is left outside code.
    const words = (s: string) => s.replace(/\{[a-zA-Z_]+\}|\([^)]*\)|"[^"]*"|<[^>]*>|&\w+;|[\w.-]*=[\w.,=-]*/g, ' ');
    const glue = new Set(['the', 'of', 'or', 'and', 'is', 'not', 'a', 'an', 'its', 'file', 'cannot']);
    expect(keys.filter((k) => /[a-z]{3,}/i.test(words(reasonsEn[k])) && reasonsAz[k] === reasonsEn[k])).toEqual([]);
    expect(keys.filter((k) => (words(reasonsAz[k]).match(/\p{L}+/gu) ?? []).some((w) => glue.has(w)))).toEqual([]);
  });
});
