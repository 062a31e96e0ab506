/**
 * False alerts: plausible person and company names in several scripts that are not on the
 * lists. Built from name parts combined at random (seeded), then every generated name whose
 * identifying words equal those of a listed name is dropped — screening such a homonym
 * *should* alert, so it is not a false alert.
 */
import { prng } from './metrics.ts';

export interface Negative {
  readonly name: string;
  readonly kind: 'person' | 'company';
  readonly script: string;
  /** The country a party with such a name most plausibly gives (one per culture: the least favourable, most listed one where it matters). */
  readonly country: string;
}

type Random = () => number;
const pick = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;

const PERSON_PARTS: Readonly<Record<string, { given: readonly string[]; family: readonly string[]; script: string; country: string }>> = {
  english: {
    country: 'US',
    script: 'latin',
    given: ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Christopher', 'Nancy', 'Daniel', 'Lisa', 'Matthew', 'Betty', 'Anthony', 'Margaret', 'Mark', 'Sandra', 'Emily', 'Olivia', 'Ethan', 'Hannah', 'Brandon', 'Megan', 'Tyler', 'Rachel', 'Kevin', 'Laura'],
    family: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Jackson', 'Martin', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Phillips', 'Evans', 'Turner', 'Parker', 'Collins'],
  },
  spanish: {
    country: 'ES',
    script: 'latin',
    given: ['José', 'María', 'Juan', 'Carmen', 'Luis', 'Ana', 'Carlos', 'Lucía', 'Javier', 'Elena', 'Miguel', 'Isabel', 'Pablo', 'Marta', 'Diego', 'Paula', 'Alejandro', 'Sofía', 'Andrés', 'Valeria'],
    family: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Ruiz', 'Díaz', 'Moreno', 'Álvarez', 'Romero', 'Navarro', 'Torres', 'Domínguez', 'Vázquez', 'Ramos', 'Gil'],
  },
  german: {
    country: 'DE',
    script: 'latin',
    given: ['Lukas', 'Anna', 'Jonas', 'Lena', 'Felix', 'Laura', 'Maximilian', 'Julia', 'Paul', 'Sophie', 'Tobias', 'Katharina', 'Florian', 'Johanna', 'Matthias', 'Franziska'],
    family: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann'],
  },
  chinese_pinyin: {
    country: 'CN',
    script: 'latin (pinyin)',
    given: ['Wei', 'Fang', 'Xiuying', 'Na', 'Min', 'Jing', 'Li', 'Qiang', 'Lei', 'Jun', 'Yang', 'Yong', 'Yan', 'Jie', 'Juan', 'Tao', 'Ming', 'Chao', 'Xiulan', 'Xia', 'Ping', 'Gang', 'Guiying', 'Haoran', 'Zihan', 'Yuxuan', 'Shuang', 'Xinyi', 'Jiahao', 'Ruoxi'],
    family: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'He', 'Gao', 'Lin', 'Luo'],
  },
  chinese_han: {
    country: 'CN',
    script: 'han',
    given: ['伟', '芳', '秀英', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '浩然', '子涵', '雨轩'],
    family: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'],
  },
  russian_latin: {
    country: 'RU',
    script: 'latin (russian)',
    given: ['Aleksandr', 'Elena', 'Dmitry', 'Olga', 'Sergey', 'Natalia', 'Andrey', 'Irina', 'Alexey', 'Svetlana', 'Mikhail', 'Tatiana', 'Nikolay', 'Anastasia', 'Pavel', 'Yulia'],
    family: ['Smirnov', 'Kuznetsova', 'Popov', 'Vasilieva', 'Sokolov', 'Mikhailova', 'Novikov', 'Fedorova', 'Morozov', 'Volkova', 'Lebedev', 'Semenova', 'Egorov', 'Pavlova', 'Kozlov', 'Stepanova'],
  },
  russian_cyrillic: {
    country: 'RU',
    script: 'cyrillic',
    given: ['Александр', 'Елена', 'Дмитрий', 'Ольга', 'Сергей', 'Наталья', 'Андрей', 'Ирина', 'Алексей', 'Светлана', 'Михаил', 'Татьяна', 'Николай', 'Анастасия', 'Павел', 'Юлия'],
    family: ['Смирнов', 'Кузнецова', 'Попов', 'Васильева', 'Соколов', 'Михайлова', 'Новиков', 'Фёдорова', 'Морозов', 'Волкова', 'Лебедев', 'Семёнова', 'Егоров', 'Павлова', 'Козлов', 'Степанова'],
  },
  arabic_latin: {
    country: 'AE',
    script: 'latin (arabic)',
    given: ['Omar', 'Fatima', 'Youssef', 'Aisha', 'Khalid', 'Mariam', 'Tariq', 'Layla', 'Hamza', 'Noor', 'Samir', 'Rania', 'Bilal', 'Huda', 'Karim', 'Salma'],
    family: ['Haddad', 'Nasser', 'Khoury', 'Saleh', 'Mansour', 'Farouk', 'Zaki', 'Qasim', 'Aziz', 'Bakr', 'Darwish', 'Ghanem', 'Hijazi', 'Jaber', 'Kassab', 'Mubarak'],
  },
  arabic_script: {
    country: 'AE',
    script: 'arabic',
    given: ['عمر', 'فاطمة', 'يوسف', 'عائشة', 'خالد', 'مريم', 'طارق', 'ليلى', 'حمزة', 'نور', 'سمير', 'رانيا'],
    family: ['حداد', 'ناصر', 'خوري', 'صالح', 'منصور', 'فاروق', 'زكي', 'قاسم', 'عزيز', 'درويش', 'غانم', 'حجازي'],
  },
  indian: {
    country: 'IN',
    script: 'latin (indian)',
    given: ['Aarav', 'Priya', 'Vivaan', 'Ananya', 'Aditya', 'Diya', 'Arjun', 'Isha', 'Rohan', 'Kavya', 'Vikram', 'Neha', 'Rahul', 'Pooja', 'Sanjay', 'Meera'],
    family: ['Sharma', 'Verma', 'Gupta', 'Patel', 'Reddy', 'Nair', 'Iyer', 'Menon', 'Joshi', 'Desai', 'Kulkarni', 'Chopra', 'Malhotra', 'Bhatt', 'Rao', 'Pillai'],
  },
  japanese: {
    country: 'JP',
    script: 'latin (japanese)',
    given: ['Haruto', 'Yui', 'Sota', 'Hina', 'Yuto', 'Sakura', 'Riku', 'Aoi', 'Kaito', 'Mei', 'Ren', 'Yuna'],
    family: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato', 'Yoshida', 'Yamada'],
  },
  korean_hangul: {
    country: 'KR',
    script: 'hangul',
    given: ['민준', '서연', '서준', '지우', '도윤', '서윤', '예준', '하은', '시우', '지민'],
    family: ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임'],
  },
  greek: {
    country: 'GR',
    script: 'greek',
    given: ['Γιώργος', 'Μαρία', 'Κώστας', 'Ελένη', 'Δημήτρης', 'Αικατερίνη', 'Γιάννης', 'Σοφία'],
    family: ['Παπαδόπουλος', 'Βασιλείου', 'Γεωργίου', 'Οικονόμου', 'Νικολάου', 'Μακρής', 'Αντωνίου', 'Ιωάννου'],
  },
  vietnamese: {
    country: 'VN',
    script: 'latin (vietnamese)',
    given: ['Anh', 'Bảo', 'Châu', 'Dũng', 'Giang', 'Hải', 'Hương', 'Khánh', 'Linh', 'Minh', 'Ngọc', 'Phúc'],
    family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ', 'Đặng', 'Bùi', 'Đỗ'],
  },
};

const COMPANY_PATTERNS: ReadonlyArray<{ script: string; country: string; make: (rnd: Random) => string }> = [
  {
    script: 'latin (english)',
    country: 'GB',
    make: (rnd) =>
      `${pick(rnd, ['Blue', 'Silver', 'Northern', 'Summit', 'Harbor', 'Granite', 'Cedar', 'Eagle', 'Pioneer', 'Evergreen', 'Redwood', 'Atlas', 'Beacon', 'Crescent', 'Falcon', 'Meridian', 'Orchard', 'Prairie', 'Riverside', 'Sterling'])} ${pick(rnd, ['Ridge', 'Valley', 'Point', 'Bridge', 'Field', 'Stone', 'Creek', 'Lake', 'Peak', 'Wood', 'Gate', 'Bay'])} ${pick(rnd, ['Logistics', 'Analytics', 'Foods', 'Consulting', 'Dental', 'Realty', 'Outfitters', 'Builders', 'Media', 'Labs', 'Motors', 'Apparel'])} ${pick(rnd, ['LLC', 'Inc.', 'Corp.', 'Ltd.', 'Co.', ''])}`.trim(),
  },
  {
    script: 'latin (pinyin)',
    country: 'CN',
    make: (rnd) =>
      `${pick(rnd, ['Shenzhen', 'Dongguan', 'Suzhou', 'Hangzhou', 'Ningbo', 'Xiamen', 'Foshan', 'Wuxi', 'Changzhou', 'Qingdao', 'Hefei', 'Zhuhai'])} ${pick(rnd, ['Jia', 'Rui', 'Heng', 'Xin', 'Hong', 'Tai', 'Sheng', 'Yi', 'Kang', 'Mei', 'Fu', 'Long', 'Bao', 'Cheng', 'Da'])}${pick(rnd, ['feng', 'tai', 'da', 'yuan', 'xiang', 'rong', 'hui', 'an', 'bo', 'qi', 'ze', 'lin', 'jie', 'sen'])} ${pick(rnd, ['Textile', 'Furniture', 'Packaging', 'Garment', 'Toys', 'Ceramics', 'Lighting', 'Hardware', 'Plastics', 'Food', 'Tea', 'Cosmetics'])} ${pick(rnd, ['Co., Ltd.', 'Company Limited', 'Co Ltd', 'Trading Co., Ltd.'])}`,
  },
  {
    script: 'han',
    country: 'CN',
    make: (rnd) =>
      `${pick(rnd, ['深圳市', '东莞市', '苏州', '杭州', '宁波', '厦门', '佛山市', '无锡'])}${pick(rnd, ['嘉', '瑞', '恒', '鑫', '宏', '泰', '盛', '益', '康', '美'])}${pick(rnd, ['丰', '达', '源', '祥', '荣', '辉', '安', '博', '琪', '林'])}${pick(rnd, ['纺织', '家具', '包装', '服装', '玩具', '陶瓷', '照明', '五金', '塑料', '食品'])}${pick(rnd, ['有限公司', '贸易有限公司', '股份有限公司'])}`,
  },
  {
    script: 'latin (german)',
    country: 'DE',
    make: (rnd) =>
      `${pick(rnd, ['Nordwind', 'Bergland', 'Sonnental', 'Rheinblick', 'Waldhaus', 'Seeblick', 'Eichenhof', 'Lindenberg', 'Mühlbach', 'Steinfeld'])} ${pick(rnd, ['Bäckerei', 'Gartenbau', 'Möbelhaus', 'Druckerei', 'Reisen', 'Immobilien', 'Brauerei', 'Zahntechnik'])} ${pick(rnd, ['GmbH', 'GmbH & Co. KG', 'AG', 'e.K.'])}`,
  },
  {
    script: 'cyrillic',
    country: 'RU',
    make: (rnd) =>
      `${pick(rnd, ['ООО', 'АО', 'ИП', 'ООО'])} «${pick(rnd, ['Северный', 'Зелёный', 'Светлый', 'Тихий', 'Речной', 'Лесной', 'Солнечный', 'Добрый'])} ${pick(rnd, ['Сад', 'Дом', 'Хлеб', 'Берег', 'Луг', 'Двор', 'Мост', 'Край'])}»`,
  },
  {
    script: 'latin (russian)',
    country: 'RU',
    make: (rnd) =>
      `${pick(rnd, ['OOO', 'LLC', 'AO'])} ${pick(rnd, ['Severny', 'Zeleny', 'Svetly', 'Tikhy', 'Rechnoy', 'Lesnoy', 'Solnechny', 'Dobry'])} ${pick(rnd, ['Sad', 'Dom', 'Khleb', 'Bereg', 'Lug', 'Dvor', 'Most', 'Krai'])}`,
  },
  {
    script: 'latin (gulf)',
    country: 'AE',
    make: (rnd) =>
      `${pick(rnd, ['Al Noor', 'Al Waha', 'Al Bustan', 'Al Rimal', 'Al Sahra', 'Al Jazeera', 'Al Marjan', 'Al Yasmin', 'Al Fajr', 'Al Qamar'])} ${pick(rnd, ['Foodstuff', 'Perfumes', 'Furniture', 'Car Rental', 'Tailoring', 'Flowers', 'Bakery', 'Cleaning Services'])} ${pick(rnd, ['LLC', 'Trading LLC', 'FZE', 'Est.'])}`,
  },
  {
    script: 'latin (indian)',
    country: 'IN',
    make: (rnd) =>
      `${pick(rnd, ['Shree', 'Sai', 'Ganesh', 'Lakshmi', 'Krishna', 'Surya', 'Om', 'Balaji'])} ${pick(rnd, ['Textiles', 'Agro', 'Pharma', 'Spices', 'Handicrafts', 'Dairy', 'Jewellers', 'Auto Parts'])} ${pick(rnd, ['Pvt. Ltd.', 'Private Limited', 'LLP'])}`,
  },
  {
    script: 'latin (malay/indonesian)',
    country: 'MY',
    make: (rnd) =>
      `${pick(rnd, ['PT', 'CV', ''])} ${pick(rnd, ['Sinar', 'Maju', 'Jaya', 'Cahaya', 'Bintang', 'Mitra', 'Sentosa', 'Harapan'])} ${pick(rnd, ['Abadi', 'Makmur', 'Lestari', 'Sejahtera', 'Mandiri', 'Perkasa'])} ${pick(rnd, ['Sdn. Bhd.', 'Tbk', ''])}`.trim(),
  },
];

export function generateNegatives(persons: number, companies: number, seed = 4242): Negative[] {
  const rnd = prng(seed);
  const out: Negative[] = [];
  const cultures = Object.values(PERSON_PARTS);
  for (let i = 0; i < persons; i += 1) {
    const c = pick(rnd, cultures);
    const given = pick(rnd, c.given);
    const family = pick(rnd, c.family);
    const middle = rnd() < 0.3 ? ` ${pick(rnd, c.given)}` : '';
    const name = c.script === 'han' || c.script === 'hangul' ? `${family}${given}` : rnd() < 0.2 ? `${family.toUpperCase()}, ${given}${middle}` : `${given}${middle} ${family}`;
    out.push({ name, kind: 'person', script: c.script, country: c.country });
  }
  for (let i = 0; i < companies; i += 1) {
    const p = pick(rnd, COMPANY_PATTERNS);
    out.push({ name: p.make(rnd).replace(/\s+/g, ' '), kind: 'company', script: p.script, country: p.country });
  }
  return out;
}
