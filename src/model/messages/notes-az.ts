/** The Azerbaijani of the lines for the person running, written on stderr (keys note.*): notes on how an input was read, the server's status lines (notes-en.ts has the keys). */
import type { notesEn } from './notes-en.js';

export const notesAz: Record<keyof typeof notesEn, string> = {
  'note.note': 'qeyd: {note}',
  'note.parts': '{a}; {b}',
  'note.percent': '{x}\u00a0%',
  'note.read_as': '{file} faylı belə oxundu: {how}',
  'note.read.semicolon': 'sahələr nöqtəli vergüllə ayrılıb',
  'note.read.tab': 'sahələr tabulyasiya simvolu ilə ayrılıb',
  'note.read.decimal_commas': 'onluq ayırıcı vergüldür (ilk dəfə: {at})',
  'note.read.grouped_spaces': 'minliklər boşluqla ayrılıb (ilk dəfə: {at})',
  'note.read.grouped_mark': "minliklər '{mark}' ilə ayrılıb (ilk dəfə: {at})",
  'note.read.spaces_before_three': 'üç rəqəmdən əvvəlki boşluq minlik ayırıcısı sayılıb',
  'note.read.mark_before_three': "üç rəqəmdən əvvəlki '{mark}' minlik ayırıcısı sayılıb",
  'note.roads.reading': '{file} yol şəbəkəsi oxunur (bir dəfə: sonrakı icralar onu keşdən götürür)',
  'note.roads.cache_unwritten':
    'yol qrafının keşi yazıla bilmədi ({reason}); növbəti icra {file} faylını yenidən oxuyacaq',
  'note.roads.cache_unused': '{path} yol qrafı keşindən istifadə olunmadı ({reason}); keş yenidən qurulur',
  'note.roads.island': 'saxlanılan şəbəkəyə bağlı olmayan {n} yol adası ({km} km) çıxarıldı; ən böyüyü: {largest}',
  'note.roads.islands': 'saxlanılan şəbəkəyə bağlı olmayan {n} yol adası ({km} km) çıxarıldı; ən böyükləri: {largest}',
  'note.roads.island_at': '{at} ({km} km)',
  'note.roads.parts':
    'şəbəkə {n} ayrı hissədən ibarətdir (məsələn, eksklav): yerlərə yalnız öz hissələrindəki xidmət obyektləri xidmət göstərir',
  'note.roads.missing_nodes': 'faylda {n} yol düyünü yoxdur (yollar çıxarışın kənarında kəsilib)',
  'note.roads.maxspeed_one':
    '{n} yolun maxspeed dəyəri {min}–{max} km/saat aralığından kənardadır (yazı xətası?): onun sinfinin sürəti götürülür',
  'note.roads.maxspeed_many':
    '{n} yolun maxspeed dəyəri {min}–{max} km/saat aralığından kənardadır (yazı xətası?): onların siniflərinin sürəti götürülür',
  'note.roads.point_far':
    '{n} əhali nöqtəsi hər hansı yoldan {max} km-dən uzaqdadır və əlçatmaz sayılır (məsələn, {eg})',
  'note.roads.points_far':
    '{n} əhali nöqtəsi hər hansı yoldan {max} km-dən uzaqdadır və əlçatmaz sayılır (məsələn, {eg})',
  'note.roads.cell_far': '{n} xana hər hansı yoldan {max} km-dən uzaqdadır və əlçatmaz sayılır (məsələn, {eg})',
  'note.roads.cells_far': '{n} xana hər hansı yoldan {max} km-dən uzaqdadır və əlçatmaz sayılır (məsələn, {eg})',
  'note.roads.facility_far':
    '{at} nöqtəsindəki xidmət obyekti hər hansı yoldan {max} km-dən uzaqdadır və heç kimə xidmət göstərmir',
  'note.roads.facilities_far_one':
    '{n} xidmət obyekti hər hansı yoldan {max} km-dən uzaqdadır və heç kimə xidmət göstərmir (məsələn, {eg})',
  'note.roads.facilities_far':
    '{n} xidmət obyekti hər hansı yoldan {max} km-dən uzaqdadır və heç kimə xidmət göstərmir (məsələn, {eg})',
  'note.roads.more_far':
    'yoldan kənar hərəkət həddindən uzaqda başqa xidmət obyektləri də var: onların sayı JSON çıxışındadır (`model.notes`)',
  'note.cache.not_file': 'adi fayl deyil',
  'note.cache.too_large': 'həcmi {gib} GiB həddini aşır',
  'note.cache.cut_short': 'yarımçıq kəsilib',
  'note.cache.not_cache': 'dostplan keşi deyil',
  'note.cache.header_not_json': 'başlığı JSON deyil',
  'note.cache.header_wrong': 'başlığı yoxlamadan keçmir',
  'note.cache.checksum': 'yoxlama cəmi uyğun gəlmir (fayl zədələnib)',
  'note.cache.wrong_type': '{name} massivinin tipi səhvdir',
  'note.cache.array_wrong': '{name} massivi yoxlamadan keçmir',
  'note.opt.graph_too_large':
    'dəqiq həll buraxıldı: n={n} üçün MILP məsələsində dəyişənlərin sayı {limit} həddini aşır',
  'note.opt.pmedian_incomplete':
    'dəqiq həll buraxıldı: dəqiq p-median hər nöqtənin siyahısında hər namizəd yerin olmasını tələb edir; ən çoxu {max} namizəd yer verin (`--candidates`)',
  'note.opt.pmedian_too_large':
    'dəqiq həll buraxıldı: p-median MILP məsələsində dəyişənlərin sayı {limit} həddini aşardı',
  'note.opt.too_large':
    'məsələ dəqiq həll üçün çox böyükdür; fərqi ölçmək üçün daha az namizəd yer verin (`--candidates`)',
  'note.opt.unreached': 'bütün {n} namizəd yer birlikdə də yalnız {pct} əhatə edir',
  'note.opt.no_reach':
    'əvvəl {before} nəfərin, sonra {after} nəfərin əlçatan xidmət obyekti yoxdur; orta göstəricilər yalnız obyektə çata bilənləri sayır',
  'note.import.header': '{file} siyahısından dostplan import ilə idxal olunub: {centers} mərkəz, {branches} filial.',
  'note.import.guesses': 'siyahıda olmayan {n} dəyər "# guessed:" ilə işarələnib; onları yoxlayın.',
  'note.import.as_given': 'Xidmət obyektlərinin bütün dəyərləri siyahıda verildiyi kimidir.',
  'note.import.block': '{file} siyahısından {tool} import ilə idxal olunub',
  'note.import.set_standards': 'əhatə normalarını təyin edin, məsələn, `center: { within_km: 30 }`',
  'note.guess.standards': '{plan} normaları; öz normalarınızı təyin edin',
  'note.guess.default_plan': 'daxili planın ({file})',
  'note.guess.branch': 'filial, çünki ana mərkəzi göstərilib',
  'note.guess.center': 'mərkəz, çünki ana mərkəzi göstərilməyib',
  'note.guess.id_from_name': 'addan düzəldilib',
  'note.guess.id_from_row': 'növündən və yerindən ({at}) düzəldilib',
  'note.guess.name_is_id': 'siyahıda ad yoxdur; kod götürülüb',
  'note.guess.region_named': 'siyahıdakı adın kodu',
  'note.guess.region_in': 'obyektin yerləşdiyi inzibati vahid',
  'note.guess.region_nearest': 'ən yaxın inzibati vahid, {km} km aralıda (obyekt heç bir vahidin daxilində deyil)',
  'note.guess.status_no_dates': 'siyahıda tarix yoxdur',
  'note.guess.status_from_dates': 'tarixlərə görə, {day} tarixinə',
  'note.guess.opens_first_year': 'siyahıda açılış tarixi yoxdur; planın ilk ili götürülüb',
  'note.guess.opens_center': 'siyahıda açılış tarixi yoxdur; ana mərkəzinin tarixi götürülüb',
  'note.guess.center_named': 'siyahıda həmin adlı mərkəz',
  'note.guess.center_nearest': 'ən yaxın mərkəz, {km} km aralıda',
  'note.guess.serves': 'xidmət ərazisi: {why}',
  'note.guess.serves_own': '{units}: obyekt burada yerləşir',
  'note.guess.serves_owned':
    '{home}: obyekt burada yerləşir, lakin ora vahidin inzibati mərkəzinə daha yaxın olan {id} xidmət göstərir',
  'note.guess.serves_none_owned':
    'heç biri: {home} obyektin yerləşdiyi vahiddir, lakin ora vahidin inzibati mərkəzinə daha yaxın olan {id} xidmət göstərir',
  'note.guess.serves_no_unit': 'obyektin yerləşdiyi vahid tapılmadı ({region})',
  'note.guess.serves_none_no_unit': 'heç biri: obyektin yerləşdiyi vahid tapılmadı ({region})',
  'note.guess.serves_region': '{units}: öz mərkəzi yoxdur, iqtisadi rayonda bu obyekt onlara ən yaxındır',
  'note.progress.timeline': 'illər hesablanır',
  'note.progress.compare': 'müqayisə olunan plan',
  'note.progress.report': 'illər hesablanır',
  'note.progress.diff_a': 'A planı',
  'note.progress.diff_b': 'B planı',
  'note.serve.reread_failed': 'plan yenidən oxuna bilmədi: {reason}',
  'note.serve.internal_error': 'daxili xəta: {reason}',
};
